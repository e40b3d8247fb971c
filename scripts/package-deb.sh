#!/usr/bin/env bash
# Builds RingLab's Debian package with its own Java runtime: target/installer/ringlab_<version>_<arch>.deb.
# It installs the app in /opt/ringlab, a `ringlab` command in /usr/bin, and a desktop entry with the
# icon (menu: Education, Science). Needs a JDK 17+ (jlink, jpackage), fakeroot and dpkg-deb, which
# scripts/setup.sh installs. Packages target/ringlab.jar, building it first when it is missing.
#
#   bash scripts/package-deb.sh            # then: sudo dpkg -i target/installer/ringlab_*.deb
#
# The same jpackage call with --type dmg (macOS) or --type msi (Windows) makes their installers; the
# commands are in docs/install.md.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "package-deb: $*"; }
fail() { echo "package-deb: $*" >&2; exit 1; }

for tool in jlink jpackage fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (run scripts/setup.sh)"
done
if [ ! -f target/ringlab.jar ]; then
  say "target/ringlab.jar is missing: building it"
  ./mvnw -q -B -DskipTests -Dringlab.images.skip=true -Dringlab.platform-jars.skip=true package
fi
version="$(unzip -p target/ringlab.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')"
[ -n "$version" ] || fail "target/ringlab.jar has no Implementation-Version"

work=target/jpackage
rm -rf "$work" && mkdir -p "$work/input" target/installer
cp target/ringlab.jar "$work/input/"
cp src/main/resources/icons/ringlab-256.png "$work/ringlab.png"

# The runtime's modules (src/packaging/runtime-modules.txt, shared with the macOS and Windows commands
# in docs/install.md): what jdeps finds the shaded jar needs, plus what it reaches without jdeps seeing
# it: java.prefs (remembered window settings), jdk.crypto.ec (a Docker engine over TLS) and
# jdk.httpserver (the replicas). Not stripped of bin/java: the process backend starts replicas with it.
modules="$(tr -d ' \n' < src/packaging/runtime-modules.txt)"
say "jlink $modules"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$work/runtime"

# JavaFX opens GTK 3 and OpenGL with dlopen, so jpackage's ldd-based dependencies miss them (above).
# dpkg-deb's default xz took 6 minutes on two busy cores for this runtime, gzip a fraction of that, for
# a file 5% larger (67 MB against 64: the runtime and jar are compressed already).
# DPKG_DEB_COMPRESSOR_TYPE=xz gives the smaller file for a release.
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
say "jpackage --type deb ($version, $DPKG_DEB_COMPRESSOR_TYPE)"
jpackage --type deb --dest target/installer \
  --name ringlab --app-version "$version" --vendor "RingLab" \
  --description "A lab and live controller for consistent-hashing load balancing" \
  --copyright "RingLab contributors" \
  --input "$work/input" --main-jar ringlab.jar --main-class dev.ringlab.cli.Launcher \
  --runtime-image "$work/runtime" --icon "$work/ringlab.png" \
  --resource-dir src/packaging/linux \
  --linux-package-name ringlab --linux-deb-maintainer "ringlab@localhost" \
  --linux-menu-group "Education;Science" --linux-app-category science --linux-shortcut \
  --linux-package-deps "libgtk-3-0, libgl1" \
  ${JPACKAGE_VERBOSE:+--verbose}
deb="$(ls -t target/installer/ringlab_"$version"*.deb | head -1)"
say "built $deb ($(du -h "$deb" | cut -f1))"

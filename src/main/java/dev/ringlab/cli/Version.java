package dev.ringlab.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, so there is one place to change it (the pom). */
public final class Version implements CommandLine.IVersionProvider {

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"RingLab " + current()};
    }
}

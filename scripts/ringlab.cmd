@echo off
setlocal
rem The `ringlab` command from a checkout, for Windows: runs the jar that mvnw.cmd package built
rem with the java on PATH (JDK 17+). Add the scripts folder to PATH to type `ringlab serve` as the docs do.
set "RINGLAB_JAR_DEFAULT=%~dp0..\target\ringlab.jar"
if "%RINGLAB_JAR%"=="" set "RINGLAB_JAR=%RINGLAB_JAR_DEFAULT%"
if not exist "%RINGLAB_JAR%" (
  echo ringlab: %RINGLAB_JAR% is missing; build it first: mvnw.cmd -q -B -DskipTests package 1>&2
  exit /b 1
)
rem The application's class-data-sharing archive next to the jar (recorded at package time): the JVM maps
rem its classes, and ignores it silently when it belongs to another build of the jar.
set "RINGLAB_CDS="
for %%J in ("%RINGLAB_JAR%") do if exist "%%~dpnJ.jsa" set "RINGLAB_CDS=-XX:SharedArchiveFile=%%~dpnJ.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
rem experiment and the window: the client compiler only, as java -jar gets it from a second JVM (dev.ringlab.cli.BatchLaunch).
set "RINGLAB_C1="
if /i "%~1"=="experiment" set "RINGLAB_C1=-XX:TieredStopAtLevel=1"
if /i "%~1"=="gui" set "RINGLAB_C1=-XX:TieredStopAtLevel=1"
if "%~1"=="" set "RINGLAB_C1=-XX:TieredStopAtLevel=1"
java %RINGLAB_C1% %RINGLAB_CDS% -jar "%RINGLAB_JAR%" %*

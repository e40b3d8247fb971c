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
java -jar "%RINGLAB_JAR%" %*

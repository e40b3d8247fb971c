package dev.ringlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of the house from DESIGN.md, so a wrong import fails the build. */
@AnalyzeClasses(packages = "dev.ringlab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule ringImportsNothingOfTheProject = noClasses()
            .that().resideInAPackage("dev.ringlab.ring..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.ringlab.cluster..", "dev.ringlab.balancer..", "dev.ringlab.replica..",
                    "dev.ringlab.experiment..", "dev.ringlab.ui..", "dev.ringlab.cli..");

    @ArchTest
    static final ArchRule replicaStandsAlone = noClasses()
            .that().resideInAPackage("dev.ringlab.replica..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.ringlab.replica..", "java..", "com.sun.net.httpserver..");

    @ArchTest
    static final ArchRule onlyUiAndCliWireThingsTogether = noClasses()
            .that().resideInAnyPackage("dev.ringlab.ring..", "dev.ringlab.cluster..", "dev.ringlab.balancer..",
                    "dev.ringlab.experiment..", "dev.ringlab.replica..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ringlab.ui..", "dev.ringlab.cli..");

    @ArchTest
    static final ArchRule clusterKnowsNothingOfTheBalancerOrExperiments = noClasses()
            .that().resideInAPackage("dev.ringlab.cluster..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ringlab.balancer..", "dev.ringlab.experiment..");

    /** The engine's API stays behind the two backends that need it; everything else sees Backend. */
    @ArchTest
    static final ArchRule dockerJavaOnlyInTheDockerAndSwarmBackends = noClasses()
            .that().resideOutsideOfPackages("dev.ringlab.cluster.docker..", "dev.ringlab.cluster.swarm..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..");

    @ArchTest
    static final ArchRule noJavaFxOutsideTheWindow = noClasses()
            .that().resideOutsideOfPackages("dev.ringlab.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");
}

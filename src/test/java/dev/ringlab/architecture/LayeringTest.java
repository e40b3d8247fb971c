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
                    "dev.ringlab.experiment..", "dev.ringlab.scenario..", "dev.ringlab.ui..", "dev.ringlab.cli..");

    @ArchTest
    static final ArchRule replicaStandsAlone = noClasses()
            .that().resideInAPackage("dev.ringlab.replica..")
            .should().dependOnClassesThat().resideOutsideOfPackages("dev.ringlab.replica..", "java..", "com.sun.net.httpserver..");

    @ArchTest
    static final ArchRule onlyUiAndCliWireThingsTogether = noClasses()
            .that().resideInAnyPackage("dev.ringlab.ring..", "dev.ringlab.cluster..", "dev.ringlab.balancer..",
                    "dev.ringlab.experiment..", "dev.ringlab.scenario..", "dev.ringlab.replica..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ringlab.ui..", "dev.ringlab.cli..");

    @ArchTest
    static final ArchRule clusterKnowsNothingOfTheBalancerOrExperiments = noClasses()
            .that().resideInAPackage("dev.ringlab.cluster..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ringlab.balancer..", "dev.ringlab.experiment..",
                    "dev.ringlab.scenario..");

    /** Scenarios play experiments; experiments (and the balancer) know nothing of lessons. */
    @ArchTest
    static final ArchRule experimentsKnowNothingOfScenarios = noClasses()
            .that().resideInAnyPackage("dev.ringlab.experiment..", "dev.ringlab.balancer..")
            .should().dependOnClassesThat().resideInAPackage("dev.ringlab.scenario..");

    @ArchTest
    static final ArchRule noJavaFxOutsideTheWindow = noClasses()
            .that().resideOutsideOfPackages("dev.ringlab.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");
}

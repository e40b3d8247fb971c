package dev.ringlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.ClassesShouldConjunction;

/**
 * The rules of the house from DESIGN.md, so a wrong import fails the build. Every rule is kept by the
 * whole code now: the rules once frozen with the violations they found (controllers, System.out) have
 * none left, so they are plain rules and nothing is tolerated.
 */
@AnalyzeClasses(packages = "dev.ringlab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule ringImportsNothingOfTheProject = noClasses()
            .that().resideInAPackage("dev.ringlab.ring..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.ringlab.cluster..", "dev.ringlab.balancer..", "dev.ringlab.replica..",
                    "dev.ringlab.experiment..", "dev.ringlab.scenario..", "dev.ringlab.ui..", "dev.ringlab.cli..");

    /** One palette for the window and the charts, below both: it knows servers and nothing else of the project. */
    @ArchTest
    static final ArchRule thePaletteKnowsOnlyServers = noClasses()
            .that().resideInAPackage("dev.ringlab.palette..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.ringlab.cluster..", "dev.ringlab.balancer..", "dev.ringlab.replica..", "dev.ringlab.lab..",
                    "dev.ringlab.experiment..", "dev.ringlab.scenario..", "dev.ringlab.ui..", "dev.ringlab.cli..",
                    "javafx..", "java.awt..");

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

    /** The engine's API stays behind the two backends that need it; everything else sees Backend. */
    @ArchTest
    static final ArchRule dockerJavaOnlyInTheDockerAndSwarmBackends = noClasses()
            .that().resideOutsideOfPackages("dev.ringlab.cluster.docker..", "dev.ringlab.cluster.swarm..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..");

    /** The composition root sits above the balancer and below the experiments, the window and the CLI that use it. */
    @ArchTest
    static final ArchRule theLabIsAssembledAboveTheBalancer = noClasses()
            .that().resideInAnyPackage("dev.ringlab.ring..", "dev.ringlab.cluster..", "dev.ringlab.balancer..")
            .should().dependOnClassesThat().resideInAPackage("dev.ringlab.lab..");

    @ArchTest
    static final ArchRule theLabKnowsNoExperimentWindowOrCommand = noClasses()
            .that().resideInAPackage("dev.ringlab.lab..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ringlab.experiment..", "dev.ringlab.ui..", "dev.ringlab.cli..");

    /** No two packages need each other, directly or round a loop: each can be read, tested and moved alone. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.ringlab.(**)")
            .should().beFreeOfCycles();

    /**
     * A controller binds its view to a view model and forwards clicks; one that calls another is logic
     * in the wrong place (issue 12: view models). No controller knows another: LabWindow wires them.
     */
    @ArchTest
    static final ArchRule noControllerDependsOnAnother = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "are other controllers", (JavaClass target) -> target.getSimpleName().endsWith("Controller")))
            .as("no controller depends on another controller");

    // Each library in its room: the rest of the code reaches it through the project's own types.

    @ArchTest
    static final ArchRule nettyOnlyInTheBalancer = onlyIn("io.netty..", "dev.ringlab.balancer..");

    @ArchTest
    static final ArchRule dockerJavaOnlyInTheDockerBackends = onlyIn("com.github.dockerjava..",
            "dev.ringlab.cluster.docker..", "dev.ringlab.cluster.swarm..");

    @ArchTest
    static final ArchRule noJavaFxOutsideTheWindow = onlyIn("javafx..", "dev.ringlab.ui..");

    @ArchTest
    static final ArchRule picocliOnlyInTheCommandLine = onlyIn("picocli..", "dev.ringlab.cli..");

    /**
     * Only the command line talks to the terminal; everything else reports through listeners and logs.
     * Named exceptions: two programs with a {@code main} of their own, run as processes of their own —
     * the replica (whose first line on stdout is how its parent learns the port) and the image build
     * step Maven runs. The window's tour reports to the stream the command line hands it.
     */
    @ArchTest
    static final ArchRule noSystemOutOutsideTheCommandLine = noClasses()
            .that().resideOutsideOfPackages("dev.ringlab.cli..")
            .and().doNotHaveFullyQualifiedName("dev.ringlab.replica.ReplicaServer")
            .and().doNotHaveFullyQualifiedName("dev.ringlab.cluster.docker.BuildImages")
            .and().doNotHaveFullyQualifiedName("dev.ringlab.replica.ReplicaArchive")
            .and().doNotHaveFullyQualifiedName("dev.ringlab.replica.ReplicaLaunch")
            .should().accessField(System.class, "out")
            .as("no System.out outside dev.ringlab.cli");

    private static ClassesShouldConjunction dependingOn(String library, String... rooms) {
        return noClasses().that().resideOutsideOfPackages(rooms)
                .should().dependOnClassesThat().resideInAnyPackage(library);
    }

    private static ArchRule onlyIn(String library, String... rooms) {
        return dependingOn(library, rooms).as(library + " only in " + String.join(", ", rooms));
    }
}

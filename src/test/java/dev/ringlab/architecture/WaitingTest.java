package dev.ringlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Tests wait on a condition with one helper, Awaitility ({@code await().atMost(…).until(…)}), never on
 * a fixed sleep: on a loaded machine a sleep is either too short (flaky) or too long (slow), and a
 * sleep before a cancel proves nothing unless the run is known to have started. The sleeps and
 * home-made polling loops (sleep or park in a loop) that predated the rule are gone: none is tolerated.
 * Benchmarks are not tests and are left out; a client's own pace goes through {@code ClientPace};
 * {@code LeftoverRun} is a program of its own (a child JVM) that idles until a cleanup test ends it.
 */
@AnalyzeClasses(packages = "dev.ringlab", importOptions = ImportOption.OnlyIncludeTests.class)
class WaitingTest {

    @ArchTest
    static final ArchRule testsWaitOnConditionsNotSleeps = noClasses()
            .that().resideOutsideOfPackage("dev.ringlab.bench..")
            .and().doNotHaveFullyQualifiedName("dev.ringlab.testing.ClientPace")
            .and().doNotHaveFullyQualifiedName("dev.ringlab.cluster.docker.LeftoverRun")
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(java.util.concurrent.TimeUnit.class, "sleep", long.class)
            .orShould().callMethod(java.util.concurrent.locks.LockSupport.class, "parkNanos", long.class)
            // TestFX's own poller is a second helper: the window tests wait with Awaitility too (WindowView.within)
            .orShould().callMethod(org.testfx.util.WaitForAsyncUtils.class, "waitFor", long.class,
                    java.util.concurrent.TimeUnit.class, java.util.concurrent.Callable.class)
            .as("tests wait with Awaitility, not Thread.sleep");
}

package org.smartcare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The arrows of design.md, made executable. */
class ArchitectureTest {

    private static final String ROOT = "org.smartcare.";

    /** Feature -> the features it may use (design.md "Packages"). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("care", Set.of()),
            Map.entry("notices", Set.of()),
            Map.entry("device", Set.of("notices")),
            Map.entry("telemetry", Set.of()),
            Map.entry("security", Set.of()),
            Map.entry("order", Set.of("care")),
            Map.entry("alert", Set.of("care", "device", "order", "notices")),
            Map.entry("ingest", Set.of("telemetry", "device", "alert")),
            Map.entry("indicator", Set.of("care", "order", "alert")),
            Map.entry("db", Set.of("telemetry")),
            Map.entry("childcare", Set.of("care", "device", "alert")),
            Map.entry("demo", Set.of("care", "device", "childcare")),
            Map.entry("graphql", Set.of("care", "device", "telemetry", "alert", "order", "ingest", "indicator",
                    "security", "childcare")));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Production classes only, wherever the build directory is (it can be moved with -Dbuild.dir).
        ImportOption productionOnly = location -> !location.contains("/test-classes/");
        classes = new ClassFileImporter().withImportOption(productionOnly).importPackages("org.smartcare");
    }

    @TestFactory
    Stream<DynamicTest> featuresDependOnlyAlongTheArrows() {
        return ALLOWED.entrySet().stream().map(feature -> DynamicTest.dynamicTest(feature.getKey(), () -> {
            List<String> forbidden = new ArrayList<>();
            for (String other : ALLOWED.keySet()) {
                if (!other.equals(feature.getKey()) && !feature.getValue().contains(other)) {
                    forbidden.add(ROOT + other + "..");
                }
            }
            noClasses().that().resideInAPackage(ROOT + feature.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .check(classes);
        }));
    }

    @Test
    void domainCodeIsFreeOfGraphQLJava() {
        noClasses().that().resideOutsideOfPackage(ROOT + "graphql..")
                .should().dependOnClassesThat().resideInAnyPackage("graphql..", "org.dataloader..")
                .check(classes);
    }

    @Test
    void pahoStaysInTheMqttEdges() {
        noClasses().that().resideOutsideOfPackage("..mqtt..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.paho..")
                .check(classes);
    }

    @Test
    void controllersThatRunOperationsLeaveTheEventLoop() {
        // Micronaut runs a controller on the Netty event loop unless told otherwise; operations block on JDBC.
        DescribedPredicate<JavaClass> runOperations = DescribedPredicate.describe("run GraphQL operations",
                type -> type.getDirectDependenciesFromSelf().stream()
                        .anyMatch(dependency -> dependency.getTargetClass().getName().equals(ROOT + "graphql.GraphQLExecutor")));
        classes().that().areAnnotatedWith(Controller.class).and(runOperations)
                .should().beAnnotatedWith(ExecuteOn.class)
                .check(classes);
    }

    @Test
    void noFeatureCycles() {
        SlicesRuleDefinition.slices().matching(ROOT + "(*)..").should().beFreeOfCycles().check(classes);
    }
}

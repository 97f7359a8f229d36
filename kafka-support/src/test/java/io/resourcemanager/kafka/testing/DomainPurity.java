package io.resourcemanager.kafka.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rule for every service: its {@code domain} package is plain Java. No Kafka, Avro,
 * Micronaut, HTTP, fabric8 or logging-framework types, and no dependency on the service's adapters.
 */
public final class DomainPurity {

    private static final String[] FORBIDDEN = {
        "org.apache.kafka..", "org.apache.avro..", "io.micronaut..", "jakarta.inject..", "io.fabric8..",
        "io.apicurio..", "java.net.http..", "io.netty..", "io.resourcemanager.events..", "io.resourcemanager.topics..",
        "io.resourcemanager.kafka..", "io.resourcemanager.kubernetes.."
    };

    private DomainPurity() {
    }

    /** Fails if any class in {@code <servicePackage>.domain} depends on a forbidden package. */
    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        ArchRule rule = noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN)
                .orShould().dependOnClassesThat().resideOutsideOfPackages(servicePackage + ".domain..", "java..")
                .because("the domain is a pure core: decisions over plain values, adapters around it");
        rule.check(classes);
    }
}

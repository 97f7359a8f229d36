package io.resourcemanager.allocation.mcpservers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class McpServerCorePurityTest {

    @Test
    void shouldKeepThePlannerPlainJava() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.resourcemanager.allocation.mcpservers");
        classes().that().haveSimpleNameStartingWith("McpServerPlan")
                .or().haveSimpleName("McpServerSnapshot")
                .or().haveSimpleName("McpServerStatus")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.resourcemanager.allocation.mcpservers..")
                .because("the planner is the pure core of the MCP server lifecycle")
                .check(classes);
    }
}

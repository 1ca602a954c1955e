package io.sluice.runtime;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * A compiled artifact ships with runtime/ alone (DESIGN.md, Modules): no runtime class may use the
 * compiler's libraries or the compiler itself. The Maven enforcer rule guards the dependency list;
 * this guards the byte code (a class reached through reflection or a copied jar would not show up
 * in the POM). Test classes under io.sluice.runtime are checked too.
 */
@AnalyzeClasses(packages = "io.sluice.runtime")
class RuntimeDependencyRulesTest {
    @ArchTest
    static final ArchRule noCalcite = banned("org.apache.calcite..");

    @ArchTest
    static final ArchRule noJanino = banned("org.codehaus..");

    @ArchTest
    static final ArchRule noAsm = banned("org.objectweb.asm..");

    @ArchTest
    static final ArchRule noFreemarker = banned("freemarker..");

    /** picocli is the runtime's only command-line library, and only its cli package uses it. */
    @ArchTest
    static final ArchRule picocliOnlyInCli = noClasses().that().resideInAPackage("io.sluice.runtime..")
        .and().resideOutsideOfPackage("io.sluice.runtime.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .because("the command line of runnable artifacts lives in io.sluice.runtime.cli");

    @ArchTest
    static final ArchRule noCompiler = banned("io.sluice.compiler..");

    private static ArchRule banned(final String packages) {
        return noClasses().that().resideInAPackage("io.sluice.runtime..")
            .should().dependOnClassesThat().resideInAPackage(packages)
            .because("runtime/ must run without the compiler's libraries (DESIGN.md, Modules)");
    }
}

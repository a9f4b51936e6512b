package org.flowexplorer.model.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers inside model/, bottom to top: {@code fs} (atomic files) and {@code nn} (kernels, BLAS,
 * parameters) know nothing above them; {@code flow} (transforms, couplings, RealNVP) builds on
 * {@code nn}; {@code train}, {@code eval} and {@code teach} use flows; {@code io} and {@code bench}
 * sit on top. Each rule below can fail from a single import in model/ itself (the Maven module
 * graph already keeps the app and JavaFX out, so rules about those could not).
 */
class ArchitectureTest {
    private static final String M = "org.flowexplorer.model";
    private final JavaClasses model = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(M);

    @Test
    void kernelsAndFilesKnowNothingAboveThem() {
        noClasses().that().resideInAnyPackage(M + ".nn..", M + ".fs..")
                .should().dependOnClassesThat().resideInAnyPackage(M + ".flow..", M + ".train..", M + ".eval..",
                        M + ".teach..", M + ".io..", M + ".data..", M + ".bench..")
                .check(model);
    }

    @Test
    void flowsDoNotKnowTrainingFilesOrTeaching() {
        noClasses().that().resideInAPackage(M + ".flow..")
                .should().dependOnClassesThat().resideInAnyPackage(M + ".train..", M + ".eval..", M + ".teach..",
                        M + ".io..", M + ".data..", M + ".bench..")
                .check(model);
    }

    @Test
    void trainingEvaluationAndTeachingDoNotReadOrWriteFiles() {
        noClasses().that().resideInAnyPackage(M + ".train..", M + ".eval..", M + ".teach..")
                .should().dependOnClassesThat().resideInAnyPackage(M + ".io..", M + ".bench..")
                .check(model);
    }

    /** ND4J is the Transform contract's edge type only: the hot paths run on flat arrays (docs/performance.md). */
    @Test
    void nd4jOnlyAtTheTransformEdge() {
        noClasses().that().resideOutsideOfPackage(M + ".flow..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..")
                .check(model);
    }

    /** Drawing belongs to the app; AWT, Swing and ImageIO are on every JDK's class path, so this can break. */
    @Test
    void modelNeverDraws() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.awt..", "javax.swing..", "javax.imageio..",
                        "javafx..")
                .check(model);
    }
}

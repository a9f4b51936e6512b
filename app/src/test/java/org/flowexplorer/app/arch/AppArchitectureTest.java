package org.flowexplorer.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The app's layering, where it can actually break (the Maven module graph already keeps model/ free
 * of the app). Data flows worker → snapshot → view models → views; commands go back as messages.
 * JabRef's architecture tests are the model: logic packages never import the UI toolkit.
 */
class AppArchitectureTest {
    private static final String APP = "org.flowexplorer.app";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(APP);

    /** Packages that compute, hold state or talk to files: testable without a display. */
    private static final String[] LOGIC = {
        APP + ".viewmodel..", APP + ".worker..", APP + ".scene..", APP + ".draw..", APP + ".preset..",
        APP + ".prefs..", APP + ".io..", APP + ".task..", APP + ".lesson.."
    };
    /** Packages that draw: the window and its panes, charts, teaching views, image exporters. */
    private static final String[] VIEWS = {APP + ".ui..", APP + ".chart..", APP + ".teach..", APP + ".export.."};

    @Test
    void logicNeverDependsOnJavaFxScenesOrStages() {
        noClasses().that().resideInAnyPackage(LOGIC)
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.animation..")
                .check(CLASSES);
    }

    /**
     * Views get value types (settings, traces, loss snapshots, inspections) through view models;
     * the live model and its training machinery belong to the worker thread alone.
     */
    @Test
    void viewsNeverReachTheWorkerTheLiveModelOrNd4j() {
        noClasses().that().resideInAnyPackage(VIEWS)
                .should().dependOnClassesThat().resideInAnyPackage(APP + ".worker..", "org.nd4j..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.flowexplorer.model.flow.RealNVP")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.flowexplorer.model.flow.FlowEngine")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.flowexplorer.model.nn.ParameterStore")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.flowexplorer.model.train.Trainer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.flowexplorer.model.train.Adam")
                .check(CLASSES);
    }

    @Test
    void workerNeverDependsOnViewModelsOrViews() {
        noClasses().that().resideInAPackage(APP + ".worker..")
                .should().dependOnClassesThat().resideInAnyPackage(APP + ".viewmodel..", APP + ".ui..", APP + ".chart..",
                        APP + ".teach..", APP + ".export..")
                .check(CLASSES);
    }

    @Test
    void sceneLayerIsFreeOfJavaFxAltogether() {
        noClasses().that().resideInAPackage(APP + ".scene..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(CLASSES);
    }

    @Test
    void cliNeverDependsOnTheWindow() {
        noClasses().that().resideInAPackage(APP + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage(APP + ".ui..", APP + ".viewmodel..")
                .check(CLASSES);
    }
}

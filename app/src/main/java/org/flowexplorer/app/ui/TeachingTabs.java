package org.flowexplorer.app.ui;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import org.flowexplorer.app.teach.MaskGalleryView;
import org.flowexplorer.app.teach.WorkedExampleView;

/**
 * The window's tabs: the explorer itself, the formula inspector at full size (for projectors:
 * in the explorer's bottom row it has to share the width), the notebook's worked 3×3 example and
 * the gallery of image masks. The teaching views are built once and keep their state between visits;
 * they join the scene when their tab is first opened.
 */
public final class TeachingTabs extends TabPane {
    private final Tab explorer;
    private final Tab inspector;
    private final Tab worked;
    private final Tab gallery;
    private final WorkedExampleView workedView = new WorkedExampleView();
    private final MaskGalleryView galleryView = new MaskGalleryView();

    TeachingTabs(Node explorerContent, Node inspectorContent) {
        getStyleClass().add("teaching-tabs");
        setId("teaching-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        workedView.setId("worked-example");
        galleryView.setId("mask-gallery");
        explorer = tab("Explorer", explorerContent, "explorer-tab",
                "Train a flow on 2-D data and watch every coupling layer.");
        explorer.setContent(explorerContent); // shown first: attached at once
        inspector = tab("Inspector", inspectorContent, "inspector-tab",
                "Formula inspector: the coupling formula step by step with the query point's numbers, full size; pick the point in the "
                        + "Explorer's data plot and the layer with the stepper.");
        worked = tab("Worked example", padded(workedView), "worked-example-tab",
                "One coupling layer computed step by step on a 3×3 matrix, as in the course notebook.");
        gallery = tab("Mask gallery", padded(galleryView), "mask-gallery-tab",
                "How RealNVP masks images: checkerboard and channel masks, squeeze and factor-out.");
        getTabs().setAll(explorer, inspector, worked, gallery);
    }

    /**
     * Puts {@code content} into the tab the first time the tab is selected, not before: the views are
     * built (their properties follow the view model from the start) but a tab nobody opened costs no
     * CSS, skins or layout in the first frame. Start-up applied CSS to every tab's controls at once.
     */
    static void attachWhenFirstSelected(Tab tab, Node content) {
        if (tab.isSelected()) {
            tab.setContent(content);
            return;
        }
        tab.setContent(null);
        javafx.beans.value.ChangeListener<Boolean> attach = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content);
                }
            }
        };
        tab.selectedProperty().addListener(attach);
    }

    /**
     * Adds a teaching tab after the others (one line per new view):
     * {@code tabs.add("Log-determinant", view, "logdet-tab", "What the tab shows, for its tooltip.")}.
     * The view gets the teaching views' padding.
     */
    Tab add(String text, javafx.scene.layout.Region view, String id, String tip) {
        Tab t = tab(text, padded(view), id, tip);
        getTabs().add(t);
        return t;
    }

    private static Node padded(javafx.scene.layout.Region view) {
        view.setPadding(new javafx.geometry.Insets(14, 18, 10, 18));
        return view;
    }

    /** A tab whose content is attached when it is first selected ({@link #attachWhenFirstSelected}). */
    static Tab tab(String text, Node content, String id, String tip) {
        Tab t = new Tab(text);
        attachWhenFirstSelected(t, content);
        t.setId(id);
        Tooltip tt = new Tooltip(tip);
        tt.setShowDelay(javafx.util.Duration.millis(400));
        t.setTooltip(tt);
        return t;
    }

    public Tab explorerTab() {
        return explorer;
    }

    public Tab inspectorTab() {
        return inspector;
    }

    public Tab workedExampleTab() {
        return worked;
    }

    public Tab maskGalleryTab() {
        return gallery;
    }

    public WorkedExampleView workedExample() {
        return workedView;
    }

    public MaskGalleryView maskGallery() {
        return galleryView;
    }

    public void selectExplorer() {
        getSelectionModel().select(explorer);
    }
}

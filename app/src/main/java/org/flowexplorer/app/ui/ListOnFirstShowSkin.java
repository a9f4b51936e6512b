package org.flowexplorer.app.ui;

import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;

/**
 * JavaFX's combo box skin whose drop-down list is styled when the list is first opened, not in the
 * window's first frame. The stock skin keeps its list view as an unmanaged child of the combo box
 * until the popup first takes it, so that the popup has its size the first time it opens; the control
 * column's nine combo boxes thus had a list view each (skin, virtual flow, scroll bars, a cell per item)
 * styled and measured in the first pulse, which was a good part of its CSS pass. Here the list leaves
 * the combo box at once and comes back as that child, styled, just before the first opening: the popup
 * then opens as it did. Only the combo box's own preferred width changes (the list's no longer counts),
 * which the column, whose rows stretch every combo box to the same width, does not use.
 */
final class ListOnFirstShowSkin<T> extends ComboBoxListViewSkin<T> {
    private final ComboBox<T> box;
    private final EventHandler<Event> firstShowing = new EventHandler<>() {
        @Override
        public void handle(Event e) {
            box.removeEventHandler(ComboBox.ON_SHOWING, this);
            Node list = getPopupContent();
            if (list.getParent() == null) {
                getChildren().add(list);
                list.applyCss();
            }
        }
    };

    ListOnFirstShowSkin(ComboBox<T> box) {
        super(box);
        this.box = box;
        getChildren().remove(getPopupContent());
        box.addEventHandler(ComboBox.ON_SHOWING, firstShowing);
    }

    /** Gives {@code box} this skin (before it is shown: the stock one would be made in its first CSS pass). */
    static <T> ComboBox<T> install(ComboBox<T> box) {
        box.setSkin(new ListOnFirstShowSkin<>(box));
        return box;
    }

    @Override
    public void dispose() {
        box.removeEventHandler(ComboBox.ON_SHOWING, firstShowing);
        super.dispose();
    }
}

package org.flowexplorer.app.lesson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flowexplorer.model.io.ArchitectureJson;
import org.flowexplorer.model.io.DataSource;

/**
 * A {@link Lesson} as JSON: {@code format} ({@value LessonFile#FORMAT}), {@code version},
 * {@code title}, {@code summary}; {@code data} ({@code {"kind":"toy","name","n","noise","seed"}} or
 * {@code {"kind":"custom","origin","points":[[x,y],…]}}); {@code architecture} ({@code layers},
 * {@code hidden}, {@code coupling}, and when not the default {@code scale}, {@code batchNorm});
 * {@code training} ({@code learningRate}, {@code batchSize}, {@code clipNorm}, {@code seed});
 * {@code window} ({@code hiddenPanels}, {@code hiddenControls}, {@code lockedControls});
 * {@code start} ({@code layer}, {@code query: [x, y]}); {@code steps}: {@code text}, {@code reveal}
 * and {@code action} ({@code {"do":"play","steps":N}}, {@code {"do":"layer","layer":k}},
 * {@code {"do":"view","view":"loss"}}, {@code {"do":"compare"}}).
 */
final class LessonWriter {
    private LessonWriter() {
    }

    /** @param withPoints whether custom points go into the JSON (not inside a session zip, which holds them) */
    static ObjectNode toJson(Lesson l, boolean withPoints) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", LessonFile.FORMAT);
        root.put("version", LessonFile.VERSION);
        root.put("title", l.title());
        if (!l.summary().isEmpty()) {
            root.put("summary", l.summary());
        }
        ObjectNode data = root.putObject("data");
        ArchitectureJson.putDataSource(data, l.source());
        if (l.source() instanceof DataSource.Custom) {
            if (withPoints && l.points() != null) {
                ArrayNode points = data.putArray("points");
                float[] xy = l.points();
                for (int i = 0; i < xy.length; i += 2) {
                    points.addArray().add(xy[i]).add(xy[i + 1]);
                }
            }
        }
        ArchitectureJson.put(root.putObject("architecture"), l.architecture());
        ArchitectureJson.putTraining(root.putObject("training"), l.training());
        ObjectNode window = root.putObject("window");
        l.hiddenPanels().forEach(window.putArray("hiddenPanels")::add);
        ArrayNode hiddenControls = window.putArray("hiddenControls");
        l.hiddenControls().forEach(c -> hiddenControls.add(c.id()));
        ArrayNode lockedControls = window.putArray("lockedControls");
        l.lockedControls().forEach(c -> lockedControls.add(c.id()));
        if (l.startLayer() >= 0 || l.startQuery() != null) {
            ObjectNode start = root.putObject("start");
            if (l.startLayer() >= 0) {
                start.put("layer", l.startLayer());
            }
            if (l.startQuery() != null) {
                start.putArray("query").add(l.startQuery()[0]).add(l.startQuery()[1]);
            }
        }
        ArrayNode steps = root.putArray("steps");
        for (LessonStep s : l.steps()) {
            ObjectNode step = steps.addObject();
            step.put("text", s.text());
            if (s.reveal() != null) {
                step.put("reveal", s.reveal());
            }
            if (s.action() != null) {
                ObjectNode action = step.putObject("action");
                action.put("do", s.action().kind());
                if (s.action() instanceof LessonAction.Play p) {
                    action.put("steps", p.steps());
                } else if (s.action() instanceof LessonAction.GoToLayer g) {
                    action.put("layer", g.layer());
                } else if (s.action() instanceof LessonAction.ShowView v) {
                    action.put("view", v.view());
                } else if (s.action() instanceof LessonAction.Compare c && c.preset() != null) {
                    action.put("preset", c.preset());
                }
            }
        }
        return root;
    }
}

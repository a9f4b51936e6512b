package org.flowexplorer.app.export;

import atlantafx.base.theme.PrimerLight;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javax.xml.parsers.DocumentBuilderFactory;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/** Headless FX toolkit with the app theme, and XML parsing, for the export tests. */
final class ExportFx {
    private ExportFx() {
    }

    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
    }

    /** Parses an SVG string with a namespace-aware DocumentBuilder (throws if it is not well-formed XML). */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static int count(Document doc, String element) {
        return doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", element).getLength();
    }
}

package org.flowexplorer.app.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@code @ExtendWith(FxToolkitExtension.class)}: the headless toolkit with the app's theme before a test class. */
public final class FxToolkitExtension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        FxTesting.startToolkit();
    }
}

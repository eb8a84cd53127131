package org.proxyfund.common.openapi;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts {@link OpenApiContract} in front of every test (registered for all tests through
 * META-INF/services/org.junit.jupiter.api.extension.Extension). A @QuarkusTest runs in its own class loader with its
 * own copy of REST Assured, so the contract is installed in the loader of the test class and of the test instance.
 */
public class OpenApiContractExtension implements BeforeAllCallback, BeforeEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        install(context.getRequiredTestClass().getClassLoader());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        install(context.getRequiredTestClass().getClassLoader());
        if (context.getTestInstance().isPresent()) {
            install(context.getTestInstance().get().getClass().getClassLoader());
        }
    }

    private static void install(ClassLoader loader) throws Exception {
        Class<?> contract = Class.forName(OpenApiContract.class.getName(), true, loader);
        contract.getMethod("install").invoke(null);
        contract.getMethod("checkEveryRequest").invoke(null);
    }
}

package io.inkstream.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Resolves {@link TestCluster} parameters with the one cluster of this test JVM. */
public final class InkstreamExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(InkstreamExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Stored in the root context: started once per JVM, closed when the JVM's tests end.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(TestCluster.class, k -> TestCluster.start(), TestCluster.class);
    }
}

package io.inkstream.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an integration test that needs a real Kafka broker and schema registry. One cluster is
 * started per test JVM and shared; inject {@link TestCluster} as a parameter. By default the
 * cluster is embedded (a KRaft broker and our registry in this JVM); with
 * {@code INKSTREAM_TEST_CLUSTER=docker} it is apache/kafka + confluentinc/cp-schema-registry in
 * Testcontainers, and the tests are skipped when no Docker engine is reachable.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(InkstreamExtension.class)
public @interface InkstreamTest {
}

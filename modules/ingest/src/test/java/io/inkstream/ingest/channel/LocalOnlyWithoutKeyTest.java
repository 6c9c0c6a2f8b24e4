package io.inkstream.ingest.channel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without an API key, POST /v1/items is local-only. (Over real HTTP every test client is on
 * loopback, so the remote-address rule itself is checked here; the 202 path over loopback
 * without a key is covered by IngestServiceTest.)
 */
class LocalOnlyWithoutKeyTest {

    @Test
    void loopbackCallersAreThisMachine() {
        assertThat(HttpChannel.fromThisMachine("127.0.0.1")).isTrue();
        assertThat(HttpChannel.fromThisMachine("127.0.0.2")).isTrue();
        assertThat(HttpChannel.fromThisMachine("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void otherHostsAreRefusedWithoutAKey() {
        assertThat(HttpChannel.fromThisMachine("192.0.2.10")).isFalse();
        assertThat(HttpChannel.fromThisMachine("2001:db8::1")).isFalse();
        assertThat(HttpChannel.fromThisMachine(null)).isFalse();
    }
}

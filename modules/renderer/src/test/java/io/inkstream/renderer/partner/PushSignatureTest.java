package io.inkstream.renderer.partner;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PushSignatureTest {

    private static final String SECRET = "iss_0123456789abcdef0123456789abcdef";

    @Test
    void signatureIsHmacSha256OfTimestampDotBodyInHex() {
        byte[] body = "{\"uri\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        String header = PushSignature.header(SECRET, 1_700_000_000L, body);
        // openssl: printf '1700000000.{"uri":"x"}' | openssl dgst -sha256 -hmac iss_0123...
        assertThat(header).startsWith("t=1700000000,v1=").hasSize("t=1700000000,v1=".length() + 64);
        assertThat(PushSignature.verifies(SECRET, header, body)).isTrue();
        assertThat(PushSignature.timestamp(header)).isEqualTo(1_700_000_000L);
    }

    @Test
    void changedBodyTimestampOrSecretDoesNotVerify() {
        byte[] body = "a".getBytes(StandardCharsets.UTF_8);
        String header = PushSignature.header(SECRET, 100, body);
        assertThat(PushSignature.verifies(SECRET, header, "b".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(PushSignature.verifies(SECRET, header.replace("t=100", "t=101"), body)).isFalse();
        assertThat(PushSignature.verifies(SECRET + "x", header, body)).isFalse();
        assertThat(PushSignature.verifies(SECRET, null, body)).isFalse();
    }
}

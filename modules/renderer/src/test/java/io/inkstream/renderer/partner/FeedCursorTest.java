package io.inkstream.renderer.partner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedCursorTest {

    @Test
    void cursorRoundTripsItsOffsetAndIsOpaqueUrlSafeText() {
        String cursor = FeedCursor.encode(123_456L);
        assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain("123456");
        assertThat(FeedCursor.decode(cursor)).isEqualTo(123_456L);
    }

    @Test
    void somethingElseIsRefusedWithAMessage() {
        assertThatThrownBy(() -> FeedCursor.decode("12")).hasMessageContaining("not one this feed gave");
        assertThatThrownBy(() -> FeedCursor.decode("!!")).isInstanceOf(IllegalArgumentException.class);
    }
}

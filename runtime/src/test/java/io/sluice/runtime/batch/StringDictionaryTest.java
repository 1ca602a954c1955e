package io.sluice.runtime.batch;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StringDictionaryTest {
    private static byte[] utf8(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sameBytesGiveTheSameCodeWhereverTheyLie() {
        final StringDictionary d = new StringDictionary();
        final byte[] a = utf8("xxapplexx");
        final byte[] b = utf8("apple");
        final int code = d.intern(a, 2, 5);
        assertThat(d.intern(b, 0, 5)).isEqualTo(code);
        assertThat(d.intern(a, 2, 5)).isEqualTo(code);
        assertThat(d.get(code)).isEqualTo("apple");
        assertThat(d.size()).isEqualTo(1);
    }

    @Test
    void codesAreDenseFromZeroInFirstSeenOrder() {
        final StringDictionary d = new StringDictionary();
        assertThat(d.intern("b")).isZero();
        assertThat(d.intern("a")).isEqualTo(1);
        assertThat(d.intern("b")).isZero();
        assertThat(d.intern("")).isEqualTo(2);
        assertThat(d.intern("ab")).isEqualTo(3);
        assertThat(d.intern("a")).isEqualTo(1);
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.get(2)).isEmpty();
    }

    @Test
    void prefixesAndDifferentLengthsAreDifferentStrings() {
        final StringDictionary d = new StringDictionary();
        final byte[] text = utf8("aaaa");
        final int one = d.intern(text, 0, 1);
        final int two = d.intern(text, 0, 2);
        final int empty = d.intern(text, 0, 0);
        assertThat(one).isNotEqualTo(two).isNotEqualTo(empty);
        assertThat(d.get(two)).isEqualTo("aa");
        assertThat(d.intern(text, 2, 2)).isEqualTo(two);
    }

    @Test
    void growsTo10000StringsKeepingEveryCode() {
        final StringDictionary d = new StringDictionary();
        final Map<String, Integer> codes = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            final String s = "s" + i + "-" + "é".repeat(i % 7) + "x".repeat(i % 300);
            assertThat(d.intern(s)).isEqualTo(i);
            codes.put(s, i);
        }
        assertThat(d.size()).isEqualTo(10_000);
        codes.forEach((s, code) -> {
            assertThat(d.intern(utf8(s), 0, utf8(s).length)).isEqualTo(code);
            assertThat(d.get(code)).isEqualTo(s);
        });
        assertThat(d.size()).isEqualTo(10_000);
    }

    @Test
    void internOfAStringAgreesWithInternOfItsUtf8Bytes() {
        final StringDictionary d = new StringDictionary();
        final String[] values = {"plain", "Grüße", "東京", "😀 emoji", "", " ", "a,b\"c\r\n"};
        for (final String v : values) {
            final byte[] b = utf8(v);
            final byte[] padded = new byte[b.length + 6];
            System.arraycopy(b, 0, padded, 3, b.length);
            final int fromString = d.intern(v);
            assertThat(d.intern(padded, 3, b.length)).isEqualTo(fromString);
            assertThat(d.get(fromString)).isEqualTo(v);
        }
        final StringDictionary bytesFirst = new StringDictionary();
        final int code = bytesFirst.intern(utf8("Grüße"), 0, utf8("Grüße").length);
        assertThat(bytesFirst.intern("Grüße")).isEqualTo(code);
    }

    @Test
    void invalidUtf8IsReportedAndNotInterned() {
        final StringDictionary d = new StringDictionary();
        final byte[][] invalid = {
            {(byte) 0xFF},
            {'a', (byte) 0xC3},                          // truncated two-byte sequence
            {(byte) 0xC0, (byte) 0xAF},                  // overlong '/'
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},     // an encoded surrogate
            {(byte) 0x80},                               // a lone continuation byte
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
        };
        for (final byte[] b : invalid) {
            assertThat(d.intern(b, 0, b.length)).isEqualTo(StringDictionary.INVALID_UTF8);
            assertThat(d.intern(b, 0, b.length)).as("still invalid the second time").isEqualTo(StringDictionary.INVALID_UTF8);
        }
        assertThat(d.size()).isZero();
        assertThat(d.intern("ok")).as("the next valid string still gets code 0").isZero();
    }
}

package ru.utility.ledger.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.core.JacksonException;

/**
 * RFC 8785's own examples, typed from the RFC: section 3.2.2 (serialization of primitives), section 3.2.3
 * (sorting of properties) and Appendix B (number serialization samples, each an IEEE 754 double given in hex).
 */
class CanonicalJsonTest {

    private static String canonical(String json) {
        return new String(CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void section322SerializationOfPrimitives() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50,
                              2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        assertThat(canonical(input)).isEqualTo("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,"
                + "1e+30,4.5,0.002,1e-27],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void section324TheUtf8OfThatResult() {
        String input = "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
                + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\"literals\":[null,true,false]}";
        byte[] utf8 = CanonicalJson.canonicalize(input.getBytes(StandardCharsets.UTF_8));
        // Section 3.2.4 lists these bytes: here the first sixteen, the euro sign's three and the last seven.
        assertThat(java.util.HexFormat.of().formatHex(utf8, 0, 16)).isEqualTo("7b226c69746572616c73223a5b6e756c");
        String hex = java.util.HexFormat.of().formatHex(utf8);
        assertThat(hex).contains("22737472696e67223a22e282ac245c7530303066");
        assertThat(hex).endsWith("5c5c5c222f227d");
    }

    @Test
    void section323SortingOfProperties() {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                + "\"\uD83D\uDE00\":\"Emoji: Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0000000000000000 | 0
            8000000000000000 | 0
            0000000000000001 | 5e-324
            8000000000000001 | -5e-324
            7fefffffffffffff | 1.7976931348623157e+308
            ffefffffffffffff | -1.7976931348623157e+308
            4340000000000000 | 9007199254740992
            c340000000000000 | -9007199254740992
            4430000000000000 | 295147905179352830000
            44b52d02c7e14af5 | 9.999999999999997e+22
            44b52d02c7e14af6 | 1e+23
            44b52d02c7e14af7 | 1.0000000000000001e+23
            444b1ae4d6e2ef4e | 999999999999999700000
            444b1ae4d6e2ef4f | 999999999999999900000
            444b1ae4d6e2ef50 | 1e+21
            3eb0c6f7a0b5ed8c | 9.999999999999997e-7
            3eb0c6f7a0b5ed8d | 0.000001
            41b3de4355555553 | 333333333.3333332
            41b3de4355555554 | 333333333.33333325
            41b3de4355555555 | 333333333.3333333
            41b3de4355555556 | 333333333.3333334
            41b3de4355555557 | 333333333.33333343
            becbf647612f3696 | -0.0000033333333333333333
            43143ff3c1cb0959 | 1424953923781206.2
            """)
    void appendixBNumberSerializationSamples(String ieee754, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));
        assertThat(CanonicalJson.number(value)).isEqualTo(expected);
    }

    @Test
    void appendixBNaNAndInfinityAreErrors() {
        assertThatThrownBy(() -> CanonicalJson.number(Double.longBitsToDouble(0x7fffffffffffffffL)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.number(Double.longBitsToDouble(0x7ff0000000000000L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShortestDigitsInEveryNotation() {
        assertThat(CanonicalJson.number(1)).isEqualTo("1");
        assertThat(CanonicalJson.number(-1.5)).isEqualTo("-1.5");
        assertThat(CanonicalJson.number(0.1)).isEqualTo("0.1");
        assertThat(CanonicalJson.number(100)).isEqualTo("100");
        assertThat(CanonicalJson.number(1e-7)).isEqualTo("1e-7");
        assertThat(CanonicalJson.number(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(CanonicalJson.number(123e20)).isEqualTo("1.23e+22");
        assertThat(Double.toString(1e-323)).isEqualTo("9.9E-324");
        assertThat(CanonicalJson.number(1e-323)).as("one digit where Java prints two").isEqualTo("1e-323");
    }

    @Test
    void inputOutsideIJsonIsRefusedRatherThanRounded() {
        assertThatThrownBy(() -> canonical("{\"big\":9007199254740993}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2^53");
        assertThat(canonical("{\"edge\":9007199254740992,\"negative\":-9007199254740992}"))
                .isEqualTo("{\"edge\":9007199254740992,\"negative\":-9007199254740992}");
        assertThatThrownBy(() -> canonical("{\"a\":1,\"a\":2}")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> canonical("{\"lone\":\"\\ud800\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
    }

    @Test
    void theSameValueSpelledDifferentlyHasOneForm() {
        assertThat(canonical("{ \"b\" : [1.0, 2E0, \"\\u0041\"],\n\"a\":{\"y\":true,\"x\":null} }"))
                .isEqualTo(canonical("{\"a\":{\"x\":null,\"y\":true},\"b\":[1,2,\"A\"]}"))
                .isEqualTo("{\"a\":{\"x\":null,\"y\":true},\"b\":[1,2,\"A\"]}");
    }
}

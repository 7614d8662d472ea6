package org.pallas.server.misuse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parser of the STIX 2.1 patterning language (OASIS STIX 2.1, section 9): observation expressions in square
 * brackets joined by AND, OR and FOLLOWEDBY, with WITHIN / REPEATS / START … STOP qualifiers; comparison
 * expressions of object paths ({@code file:hashes.'SHA-256'}, {@code network-traffic:extensions.x[*]}) against
 * strings, numbers, booleans, timestamps ({@code t'…'}), hex ({@code h'…'}) and binary ({@code b'…'}) literals,
 * IN sets and EXISTS. It checks the syntax and returns every comparison; it evaluates nothing.
 */
final class StixPatterns {

    static final int MAX_LENGTH = 10_000;

    private static final Set<String> OPERATORS =
            Set.of("=", "!=", "==", "<", "<=", ">", ">=", "LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET");

    /** One comparison: {@code objectType:property op value} (value is the literal's text; empty for EXISTS). */
    record Comparison(String objectType, String property, String operator, boolean negated, String value) {
        boolean equality() {
            return !negated && (operator.equals("=") || operator.equals("=="));
        }
    }

    static final class PatternException extends Exception {
        PatternException(String message) {
            super(message);
        }
    }

    private enum T {
        LBRACKET,
        RBRACKET,
        LPAREN,
        RPAREN,
        COLON,
        DOT,
        COMMA,
        STAR,
        OP,
        STRING,
        NUMBER,
        WORD,
        END
    }

    private record Token(T type, String text, int at) {}

    private final List<Token> tokens;
    private final List<Comparison> comparisons = new ArrayList<>();
    private int next;

    private StixPatterns(List<Token> tokens) {
        this.tokens = tokens;
    }

    static List<Comparison> parse(String pattern) throws PatternException {
        if (pattern.length() > MAX_LENGTH) {
            throw new PatternException("longer than " + MAX_LENGTH + " characters");
        }
        StixPatterns parser = new StixPatterns(tokenize(pattern));
        parser.observations();
        parser.expect(T.END, "end of pattern");
        return List.copyOf(parser.comparisons);
    }

    // ---- observation expressions -------------------------------------------------------------------------------

    private void observations() throws PatternException {
        observationOr();
        while (keyword("FOLLOWEDBY")) {
            observationOr();
        }
    }

    private void observationOr() throws PatternException {
        observationAnd();
        while (keyword("OR")) {
            observationAnd();
        }
    }

    private void observationAnd() throws PatternException {
        observation();
        while (keyword("AND")) {
            observation();
        }
    }

    private void observation() throws PatternException {
        if (accept(T.LBRACKET)) {
            comparisonOr();
            expect(T.RBRACKET, "']' closing the observation expression");
        } else if (accept(T.LPAREN)) {
            observations();
            expect(T.RPAREN, "')'");
        } else {
            throw error("'[' opening an observation expression");
        }
        qualifiers();
    }

    private void qualifiers() throws PatternException {
        while (true) {
            if (keyword("WITHIN")) {
                expect(T.NUMBER, "a number of seconds after WITHIN");
                expectKeyword("SECONDS");
            } else if (keyword("REPEATS")) {
                expect(T.NUMBER, "a count after REPEATS");
                expectKeyword("TIMES");
            } else if (keyword("START")) {
                timestamp();
                expectKeyword("STOP");
                timestamp();
            } else {
                return;
            }
        }
    }

    private void timestamp() throws PatternException {
        Token t = expect(T.STRING, "a timestamp literal t'…'");
        if (!t.text().startsWith("t'")) {
            throw new PatternException("expected a timestamp literal t'…' at position " + t.at());
        }
    }

    // ---- comparison expressions --------------------------------------------------------------------------------

    private void comparisonOr() throws PatternException {
        comparisonAnd();
        while (keyword("OR")) {
            comparisonAnd();
        }
    }

    private void comparisonAnd() throws PatternException {
        test();
        while (keyword("AND")) {
            test();
        }
    }

    private void test() throws PatternException {
        if (accept(T.LPAREN)) {
            comparisonOr();
            expect(T.RPAREN, "')'");
            return;
        }
        if (keyword("EXISTS")) {
            String[] path = objectPath();
            comparisons.add(new Comparison(path[0], path[1], "EXISTS", false, ""));
            return;
        }
        String[] path = objectPath();
        boolean negated = keyword("NOT");
        if (keyword("IN")) {
            expect(T.LPAREN, "'(' opening the IN set");
            List<String> values = new ArrayList<>();
            values.add(literal());
            while (accept(T.COMMA)) {
                values.add(literal());
            }
            expect(T.RPAREN, "')' closing the IN set");
            comparisons.add(new Comparison(path[0], path[1], "IN", negated, String.join(",", values)));
            return;
        }
        Token op = peek();
        String operator = op.type() == T.OP || op.type() == T.WORD ? op.text().toUpperCase(Locale.ROOT) : "";
        if (!OPERATORS.contains(operator)) {
            throw error("a comparison operator (=, !=, <, >, LIKE, MATCHES, IN, …)");
        }
        next++;
        comparisons.add(new Comparison(path[0], path[1], operator, negated, literal()));
    }

    /** {@code type:property(.sub|[n]|[*])*}: the object type and the property path as written. */
    private String[] objectPath() throws PatternException {
        Token type = expect(T.WORD, "an object type such as domain-name");
        if (!type.text().matches("[a-z0-9][a-z0-9-]*[a-z0-9]")) {
            throw new PatternException("'" + type.text() + "' is no object type at position " + type.at());
        }
        expect(T.COLON, "':' after the object type");
        StringBuilder property = new StringBuilder(component());
        while (true) {
            if (accept(T.DOT)) {
                property.append('.').append(component());
            } else if (accept(T.LBRACKET)) {
                Token index = peek();
                if (!accept(T.STAR) && !accept(T.NUMBER)) {
                    throw error("a list index or *");
                }
                expect(T.RBRACKET, "']' closing the list index");
                property.append('[').append(index.text()).append(']');
            } else {
                return new String[] {type.text(), property.toString()};
            }
        }
    }

    private String component() throws PatternException {
        Token t = peek();
        if (t.type() == T.WORD && t.text().matches("[a-z_][a-z0-9_-]*")) {
            next++;
            return t.text();
        }
        if (t.type() == T.STRING && t.text().startsWith("'")) {
            next++;
            return t.text();
        }
        throw error("a property name");
    }

    private String literal() throws PatternException {
        Token t = peek();
        if (t.type() == T.STRING) {
            next++;
            return t.text().startsWith("'") ? unquote(t.text()) : t.text();
        }
        if (t.type() == T.NUMBER
                || (t.type() == T.WORD && (t.text().equals("true") || t.text().equals("false")))) {
            next++;
            return t.text();
        }
        throw error("a value: a quoted string, number, true/false, t'…', h'…' or b'…'");
    }

    private static String unquote(String quoted) {
        String body = quoted.substring(1, quoted.length() - 1);
        return body.replace("\\'", "'").replace("\\\\", "\\");
    }

    // ---- tokens ------------------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(next);
    }

    private boolean accept(T type) {
        if (peek().type() == type) {
            next++;
            return true;
        }
        return false;
    }

    private boolean keyword(String word) {
        Token t = peek();
        if (t.type() == T.WORD && t.text().equals(word)) {
            next++;
            return true;
        }
        return false;
    }

    private void expectKeyword(String word) throws PatternException {
        if (!keyword(word)) {
            throw error(word);
        }
    }

    private Token expect(T type, String what) throws PatternException {
        Token t = peek();
        if (t.type() != type) {
            throw error(what);
        }
        next++;
        return t;
    }

    private PatternException error(String expected) {
        Token t = peek();
        return new PatternException("expected " + expected + " at position " + t.at()
                + (t.type() == T.END ? " (the pattern ended)" : ", found '" + t.text() + "'"));
    }

    private static List<Token> tokenize(String s) throws PatternException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            switch (c) {
                case '[' -> out.add(new Token(T.LBRACKET, "[", i++));
                case ']' -> out.add(new Token(T.RBRACKET, "]", i++));
                case '(' -> out.add(new Token(T.LPAREN, "(", i++));
                case ')' -> out.add(new Token(T.RPAREN, ")", i++));
                case ':' -> out.add(new Token(T.COLON, ":", i++));
                case '.' -> out.add(new Token(T.DOT, ".", i++));
                case ',' -> out.add(new Token(T.COMMA, ",", i++));
                case '*' -> out.add(new Token(T.STAR, "*", i++));
                case '=', '!', '<', '>' -> {
                    i++;
                    if (i < s.length() && s.charAt(i) == '=') {
                        i++;
                    }
                    String op = s.substring(start, i);
                    if (op.equals("!")) {
                        throw new PatternException("'!' must be followed by '=' at position " + start);
                    }
                    out.add(new Token(T.OP, op, start));
                }
                case '\'' -> {
                    i = quoted(s, i);
                    out.add(new Token(T.STRING, s.substring(start, i), start));
                }
                default -> {
                    if ((c == 't' || c == 'h' || c == 'b') && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        i = quoted(s, i + 1);
                        out.add(new Token(T.STRING, s.substring(start, i), start));
                    } else if (Character.isDigit(c)
                            || c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                        i++;
                        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                            i++;
                        }
                        out.add(new Token(T.NUMBER, s.substring(start, i), start));
                    } else if (Character.isLetter(c) || c == '_') {
                        while (i < s.length()
                                && (Character.isLetterOrDigit(s.charAt(i))
                                        || s.charAt(i) == '-'
                                        || s.charAt(i) == '_')) {
                            i++;
                        }
                        out.add(new Token(T.WORD, s.substring(start, i), start));
                    } else {
                        throw new PatternException("unexpected character '" + c + "' at position " + start);
                    }
                }
            }
        }
        out.add(new Token(T.END, "", s.length()));
        return out;
    }

    /** The index after the closing quote of the string literal opening at {@code open}. */
    private static int quoted(String s, int open) throws PatternException {
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length() || (s.charAt(i + 1) != '\'' && s.charAt(i + 1) != '\\')) {
                    throw new PatternException("only \\' and \\\\ are escapes in a string, at position " + i);
                }
                i += 2;
            } else if (c == '\'') {
                return i + 1;
            } else {
                i++;
            }
        }
        throw new PatternException("unclosed string opening at position " + open);
    }
}

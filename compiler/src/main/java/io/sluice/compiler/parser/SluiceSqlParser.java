package io.sluice.compiler.parser;

import io.sluice.compiler.parser.impl.ParseException;
import io.sluice.compiler.parser.impl.SluiceSqlParserImpl;
import io.sluice.compiler.parser.impl.SluiceSqlParserImplConstants;
import io.sluice.compiler.parser.impl.Token;
import io.sluice.compiler.parser.impl.TokenMgrError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.util.SourceStringReader;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Entry point of Sluice's SQL parser: the parser configuration, script parsing, and one-line
 * descriptions of parse errors with their line and column.
 *
 * <p>Before Calcite's parser runs, {@link #parseScript} and {@link #parseStatement} run the
 * generated lexer over the whole text, so that an unterminated string, comment or quoted
 * identifier, an illegal character, or a text without any statement is reported where it is
 * (Calcite reports an unterminated string as a syntax error at the token before it, an empty
 * text as an {@code ArrayIndexOutOfBoundsException}, and an illegal last character as an
 * unexpected end of input one column further).
 */
public final class SluiceSqlParser {
  /** Longest identifier accepted, in characters. */
  public static final int IDENTIFIER_MAX_LENGTH = 1024;

  /** Most expected tokens that {@link #describe} lists. */
  static final int MAX_EXPECTED_LISTED = 5;

  /** What a query too deeply nested for the JVM's stack gets, from the parser or the planner. */
  public static final String TOO_DEEP =
      "the query is nested too deeply to compile (hundreds of operators or parentheses in one "
          + "chain; split it, or write a long OR of comparisons as IN (...))";

  /** Longest message {@link #describe} returns. */
  static final int MAX_DESCRIPTION_LENGTH = 240;

  private static final SqlParser.Config CONFIG =
      SqlParser.config()
          .withParserFactory(SluiceSqlParserImpl.FACTORY)
          .withQuoting(Quoting.BACK_TICK)
          .withUnquotedCasing(Casing.UNCHANGED)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(false)
          .withIdentifierMaxLength(IDENTIFIER_MAX_LENGTH)
          .withConformance(SluiceConformance.INSTANCE);

  /** Calcite's dialect, but identifiers quoted with back-ticks, as this parser reads them. */
  private static final SqlDialect DIALECT =
      new CalciteSqlDialect(CalciteSqlDialect.DEFAULT_CONTEXT.withIdentifierQuoteString("`"));

  private SluiceSqlParser() {}

  /**
   * The parser configuration: Sluice's generated parser, identifiers quoted with back-ticks and
   * kept in the case written (matched case-insensitively), Calcite's default conformance (which
   * accepts {@code TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE))}).
   */
  public static SqlParser.Config config() {
    return CONFIG;
  }

  /**
   * Parses a script: statements separated by {@code ;}, a trailing {@code ;} optional, comments
   * ({@code --}, {@code //}, {@code /* ... *}{@code /}) anywhere.
   *
   * @return the statements in order; a query with EMIT is an {@link SqlEmit}, CREATE TABLE an
   *     {@link SqlCreateTable}
   * @throws SqlParseException on the first error; {@link #describe}, {@link #line} and {@link
   *     #column} say what and where. A text with no statement at all is an error.
   */
  public static List<SqlNode> parseScript(String sql) throws SqlParseException {
    Objects.requireNonNull(sql, "sql");
    checkTokens(sql);
    return List.copyOf(SqlParser.create(sql, CONFIG).parseStmtList());
  }

  /** Parses exactly one statement (no trailing {@code ;}); errors as {@link #parseScript}. */
  public static SqlNode parseStatement(String sql) throws SqlParseException {
    Objects.requireNonNull(sql, "sql");
    checkTokens(sql);
    return SqlParser.create(sql, CONFIG).parseStmt();
  }

  /** SQL text for a parsed node, in the form this parser reads back (back-quoted names). */
  public static String toSql(SqlNode node) {
    return node.toSqlString(c -> c.withDialect(DIALECT)).getSql();
  }

  /** 1-based line of the error, 0 if Calcite gave no position. */
  public static int line(SqlParseException e) {
    SqlParserPos pos = e.getPos();
    return pos == null ? 0 : pos.getLineNum();
  }

  /** 1-based column of the error (a tab counts as one column), 0 if Calcite gave no position. */
  public static int column(SqlParseException e) {
    SqlParserPos pos = e.getPos();
    return pos == null ? 0 : pos.getColumnNum();
  }

  // ---------------------------------------------------------------------------------------------
  // Token check before parsing

  private static final String NO_STATEMENT = "no SQL statement found";

  private static final Pattern TOKEN_MGR_ERROR =
      Pattern.compile(
          "(?s)Lexical error at line (\\d+), column (\\d+)\\.\\s+Encountered: "
              + "(<EOF>|\".*\" \\((\\d+)\\),) ?after : \"(.*)\"");

  /**
   * Runs the generated lexer, configured as the parser will be, over the whole text and throws
   * {@link SluiceLexicalException} for the problems it can place better than the parser.
   */
  private static void checkTokens(String sql) throws SqlParseException {
    if (sql.isEmpty()) {
      // Calcite's parser fails on "" with an ArrayIndexOutOfBoundsException.
      throw new SluiceLexicalException(NO_STATEMENT, 1, 1);
    }
    SluiceSqlParserImpl lexer =
        (SluiceSqlParserImpl) CONFIG.parserFactory().getParser(new SourceStringReader(sql));
    lexer.setTabSize(1);
    lexer.switchTo(SqlAbstractParserImpl.LexicalState.forConfig(CONFIG));
    Token last = null;
    try {
      for (Token t = lexer.getNextToken();
          t.kind != SluiceSqlParserImplConstants.EOF;
          t = lexer.getNextToken()) {
        if (t.kind == SluiceSqlParserImplConstants.QUOTE) {
          // A lone ' is what remains of a string literal without its closing quote. In
          // 'it''s the lexer first takes 'it' as a whole literal: start at that literal then.
          Token start =
              last != null
                      && last.kind == SluiceSqlParserImplConstants.QUOTED_STRING
                      && last.endLine == t.beginLine
                      && last.endColumn + 1 == t.beginColumn
                  ? last
                  : t;
          throw new SluiceLexicalException(
              "unterminated string literal", start.beginLine, start.beginColumn);
        }
        last = t;
      }
    } catch (TokenMgrError e) {
      throwLexicalError(sql, last, e);
      return; // not placed better here: the parser reports it
    }
    if (last == null) {
      throw new SluiceLexicalException(NO_STATEMENT, 1, 1);
    }
  }

  private static void throwLexicalError(String sql, @Nullable Token last, TokenMgrError e)
      throws SluiceLexicalException {
    int from = last == null ? 0 : offsetAfter(sql, last.endLine, last.endColumn);
    int start = skipWhitespaceAndComments(sql, from);
    if (sql.startsWith("/*", start)) {
      throw lexical(sql, start, "unterminated comment");
    }
    if (sql.startsWith("`", start)) {
      throw lexical(sql, start, "unterminated quoted identifier");
    }
    Matcher m = TOKEN_MGR_ERROR.matcher(String.valueOf(e.getMessage()));
    if (m.matches() && m.group(5).isEmpty()) {
      if (m.group(4) != null) {
        // Encountered: "#" (35), after : ""
        throw new SluiceLexicalException(
            "illegal character " + describeChar(Integer.parseInt(m.group(4))),
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)));
      }
      if (start < sql.length()) {
        // JavaCC reports an illegal last character as <EOF> one column after it.
        throw lexical(sql, start, "illegal character " + describeChar(sql.codePointAt(start)));
      }
    }
  }

  private static SluiceLexicalException lexical(String sql, int offset, String description) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      char c = sql.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
        line++;
        column = 1;
      } else if (c != '\r') {
        column++;
      }
    }
    return new SluiceLexicalException(description, line, column);
  }

  /** Offset just after the character at 1-based (line, column), counted as JavaCC counts. */
  private static int offsetAfter(String sql, int line, int column) {
    int l = 1;
    int c = 1;
    for (int i = 0; i < sql.length(); i++) {
      if (l == line && c == column) {
        return i + 1;
      }
      char ch = sql.charAt(i);
      if (ch == '\n' || (ch == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
        l++;
        c = 1;
      } else if (ch != '\r') {
        c++;
      }
    }
    return sql.length();
  }

  private static int skipWhitespaceAndComments(String sql, int from) {
    int i = from;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        i++;
      } else if (sql.startsWith("--", i) || sql.startsWith("//", i)) {
        while (i < sql.length() && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
          i++;
        }
      } else if (sql.startsWith("/*", i) && !sql.startsWith("/*+", i)) {
        int end = sql.indexOf("*/", i + 2);
        if (end < 0) {
          return i;
        }
        i = end + 2;
      } else {
        return i;
      }
    }
    return i;
  }

  private static String describeChar(int codePoint) {
    String hex = String.format(Locale.ROOT, "U+%04X", codePoint);
    if (Character.isISOControl(codePoint)
        || Character.isWhitespace(codePoint)
        || !Character.isDefined(codePoint)
        || codePoint == 0xFFFD) {
      return hex;
    }
    return "'" + new String(Character.toChars(codePoint)) + "' (" + hex + ")";
  }

  // ---------------------------------------------------------------------------------------------
  // describe

  private static final Pattern NEAR_KEYWORD =
      Pattern.compile("(?s)Incorrect syntax near the keyword '(.*?)' at line \\d+, column \\d+.*");
  private static final Pattern ENCOUNTERED =
      Pattern.compile("(?s)Encountered \"(.*?)\" at line \\d+, column \\d+.*");

  /** Tokens listed first when present among the expected ones: the likeliest fixes. */
  private static final List<String> PREFERRED =
      List.of(
          "')'", "','", "'('", "';'", "end of input", "'FROM'", "'AS'", "'BY'", "'='", "'WHERE'",
          "'GROUP'", "'HAVING'", "'ON'", "'JOIN'", "'FOR'", "'WITH'", "'CHANGES'", "'FINAL'",
          "'TABLE'", "'SELECT'", "'EMIT'");

  /**
   * One line for users, without the position (see {@link #line}, {@link #column}): for example
   * {@code unexpected 'FROM'; expected an expression}, {@code unterminated string literal} or
   * {@code illegal character '#' (U+0023)}. Never throws and never contains a line break.
   */
  public static String describe(@Nullable SqlParseException e) {
    String text;
    try {
      text = e == null ? "syntax error" : describeUnchecked(e);
    } catch (RuntimeException | Error x) {
      text = "syntax error";
    }
    return oneLine(text);
  }

  private static String describeUnchecked(SqlParseException e) {
    if (e instanceof SluiceLexicalException lexical) {
      return lexical.description();
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof StackOverflowError) {
        return TOO_DEEP; // Calcite's parser recurses on nesting and wraps what it throws
      }
    }
    Throwable cause = e.getCause();
    String message = String.valueOf(e.getMessage());
    if (cause instanceof TokenMgrError) {
      return describeTokenMgrError(message);
    }
    if (cause instanceof ParseException || e.getExpectedTokenSequences() != null) {
      return describeSyntaxError(e, cause instanceof ParseException pe ? pe : null, message);
    }
    // Errors raised inside grammar actions (CalciteContextException, unwrapped by Calcite):
    // their message is already a sentence, e.g. "a table can declare only one WATERMARK".
    String first = firstLine(message);
    return first.isBlank() || first.equals("null") ? "syntax error" : first;
  }

  private static String describeTokenMgrError(String message) {
    Matcher m = TOKEN_MGR_ERROR.matcher(message);
    if (!m.matches()) {
      return "invalid token";
    }
    String after = m.group(5);
    if (m.group(4) == null) { // <EOF>
      if (after.startsWith("'") || after.startsWith("\\'")) {
        return "unterminated string literal";
      }
      if (after.startsWith("`")) {
        return "unterminated quoted identifier";
      }
      return after.isEmpty() ? "unexpected end of input" : "unterminated token at end of input";
    }
    String c = describeChar(Integer.parseInt(m.group(4)));
    return after.isEmpty() ? "illegal character " + c : "illegal character " + c + " in token";
  }

  private static String describeSyntaxError(
      SqlParseException e, @Nullable ParseException pe, String message) {
    String found = null;
    boolean doubleQuote = false;
    if (pe != null && pe.currentToken != null && pe.currentToken.next != null) {
      Token t = pe.currentToken.next;
      found = t.kind == SluiceSqlParserImplConstants.EOF ? "end of input" : quoteToken(t.image);
      doubleQuote = "\"".equals(t.image);
    } else {
      Matcher near = NEAR_KEYWORD.matcher(message);
      Matcher enc = ENCOUNTERED.matcher(message);
      if (near.matches()) {
        found = quoteToken(near.group(1));
      } else if (enc.matches()) {
        String image = enc.group(1).replace("\\\"", "\"").replace("\\'", "'").trim();
        found = image.equals("<EOF>") ? "end of input" : quoteToken(firstWord(image));
        doubleQuote = image.startsWith("\"");
      }
    }
    StringBuilder b = new StringBuilder();
    b.append(found == null ? "syntax error" : "unexpected " + found);
    String expected = describeExpected(e);
    if (expected != null) {
      b.append("; expected ").append(expected);
    }
    if (doubleQuote) {
      b.append(" (quote names with back-ticks: `name`)");
    }
    return b.toString();
  }

  private static String firstWord(String image) {
    int space = image.indexOf(' ');
    return space > 0 ? image.substring(0, space) : image;
  }

  private static String quoteToken(@Nullable String image) {
    if (image == null) {
      return "token";
    }
    String s = image.length() > 40 ? image.substring(0, 40) + "..." : image;
    if (s.startsWith("'")) {
      return "string " + s;
    }
    return "'" + s + "'";
  }

  /** "an expression", "one of: ')', ',', ..." or null when Calcite gave no expected tokens. */
  private static @Nullable String describeExpected(SqlParseException e) {
    int[][] sequences = e.getExpectedTokenSequences();
    String[] images = e.getTokenImages();
    if (sequences == null || images == null) {
      return null;
    }
    boolean identifier = false;
    boolean literal = false;
    boolean stringLiteral = false;
    Set<String> others = new LinkedHashSet<>();
    for (int[] sequence : sequences) {
      if (sequence.length == 0 || sequence[0] < 0 || sequence[0] >= images.length) {
        continue;
      }
      String image = images[sequence[0]];
      if (image.startsWith("<") && image.endsWith("IDENTIFIER>")) {
        identifier = true;
      } else if (image.equals("<QUOTED_STRING>")) {
        stringLiteral = true;
      } else if (image.equals("<UNSIGNED_INTEGER_LITERAL>")) {
        literal = true;
      } else if (image.equals("<EOF>")) {
        others.add("end of input");
      } else if (image.length() >= 2 && image.startsWith("\"") && image.endsWith("\"")) {
        String token = image.substring(1, image.length() - 1);
        if (!token.equals("/*+")) { // a hint, never what the user is missing
          others.add("'" + token + "'");
        }
      }
      // other <TOKEN> kinds (prefixed strings, JDBC escapes, ...) are noise in a summary
    }
    if (identifier && literal) {
      return "an expression";
    }
    List<String> items = new ArrayList<>();
    if (identifier) {
      items.add("an identifier");
    }
    if (stringLiteral) {
      items.add("a string literal");
    }
    for (String p : PREFERRED) {
      if (others.remove(p)) {
        items.add(p);
      }
    }
    items.addAll(others);
    if (items.isEmpty()) {
      return null;
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    StringBuilder b = new StringBuilder("one of: ");
    for (int i = 0; i < items.size() && i < MAX_EXPECTED_LISTED; i++) {
      b.append(i == 0 ? "" : ", ").append(items.get(i));
    }
    if (items.size() > MAX_EXPECTED_LISTED) {
      b.append(", ...");
    }
    return b.toString();
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static String oneLine(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return "syntax error";
    }
    StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_DESCRIPTION_LENGTH + 3));
    boolean space = false;
    boolean truncated = false;
    for (int i = 0; i < text.length(); i++) {
      if (b.length() >= MAX_DESCRIPTION_LENGTH) {
        truncated = true;
        break;
      }
      char c = text.charAt(i);
      if (Character.isISOControl(c)
          || Character.isWhitespace(c)
          || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
        space = b.length() > 0;
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(c);
    }
    if (truncated) {
      b.append("...");
    }
    return b.toString();
  }
}

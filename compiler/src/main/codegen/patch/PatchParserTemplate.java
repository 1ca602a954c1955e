// Applies Sluice's checked edits to Calcite's parser template (Parser.jj) where config.fmpp has
// no hook. Run by the build (compiler/pom.xml, "parser generation" region) with the JDK's
// source launcher:
//
//   java PatchParserTemplate.java <calcite Parser.jj> <patched Parser.jj>
//
// Each edit must match the template exactly once; otherwise this exits non-zero and the build
// fails, so a Calcite upgrade that changes the patched text cannot slip through unnoticed.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class PatchParserTemplate {

  /** One textual edit: replace {@code from} (which must occur exactly once) by {@code to}. */
  record Edit(String why, String from, String to) {}

  static final Edit[] EDITS = {
    new Edit(
        """
        VALUE is a non-reserved keyword in Sluice (a column may be called "value"). Calcite's
        TableConstructor() also accepts VALUE as a synonym of VALUES (a conformance option that
        Sluice never enables); with that alternative, JavaCC's LL(1) choice in
        LeafQueryOrExpr() sends any query-or-expression starting with "value" (e.g. the argument
        in SUM(value)) to TableConstructor(), which then fails with "VALUE is not allowed under
        the current SQL conformance level". Dropping the alternative leaves VALUES unchanged.""",
        """
            (
                <VALUES> { s = span(); }
            |
                <VALUE>
                {
                    s = span();
                    if (!this.conformance.isValueAllowed()) {
                        throw SqlUtil.newContextException(getPos(), RESOURCE.valueNotAllowed());
                    }
                }
            )
        """,
        """
            <VALUES> { s = span(); } // Sluice: VALUE as a synonym of VALUES removed
        """),
    new Edit(
        """
        STREAM is a non-reserved keyword in Sluice (a table or column may be called "stream").
        Calcite's SqlSelect() takes an optional STREAM keyword right after SELECT; with STREAM
        usable as a name, JavaCC's LL(1) choice always takes it as that keyword, so
        "SELECT stream.x ..." and "SELECT stream, x ..." fail and "SELECT stream - qty ..."
        silently parses as "SELECT STREAM -qty". Every Sluice query is a streaming query and the
        dialect follows Flink, which has no SELECT STREAM, so the keyword is removed.""",
        """
            SqlSelectKeywords(keywords)
            (
                <STREAM> {
                    keywords.add(SqlSelectKeyword.STREAM.symbol(getPos()));
                }
            )?
        """,
        """
            SqlSelectKeywords(keywords)
            // Sluice: SELECT STREAM removed; STREAM is an ordinary name
        """),
    new Edit(
        """
        Velostream's time-window clause (WINDOW TUMBLING(5m), SLIDING(10m, 5m), SESSION(30m))
        needs a place in SqlSelect(), which has no hook for it. The windows it parses are
        collected in a list declared here, and windowDecls stops being final so that they can be
        added to it (see the next edit).""",
        """
            final SqlNodeList windowDecls;
            final SqlNode qualify;
        """,
        """
            SqlNodeList windowDecls; // Sluice: not final, Velostream windows are added to it
            final List<SqlNode> velostreamWindows = new ArrayList<SqlNode>(); // Sluice
            final SqlNode qualify;
        """),
    new Edit(
        """
        Velostream's time-window clause is read after GROUP BY (the order Velostream's parser
        requires: GROUP BY, WINDOW, HAVING) or after HAVING (where Velostream's documentation
        shows it, and where SqlSelect's unparse writes the WINDOW list). VelostreamWindowClause()
        (includes/parserImpls.ftl) is tried with a lookahead of three tokens, WINDOW name "(", so
        that Calcite's named windows, WINDOW name AS (...), parse as before. The windows read go
        first in the SELECT's WINDOW list, where the planner (VelostreamSyntax) finds them and
        rewrites the query into the window-table-function form before Calcite validates it.""",
        """
                ( groupBy = GroupBy() | { groupBy = null; } )
                ( having = Having() | { having = null; } )
                ( windowDecls = Window() | { windowDecls = null; } )
        """,
        """
                ( groupBy = GroupBy() | { groupBy = null; } )
                // Sluice: Velostream's WINDOW TUMBLING|SLIDING|SESSION(...) after GROUP BY ...
                [ LOOKAHEAD(3) VelostreamWindowClause(velostreamWindows) ]
                ( having = Having() | { having = null; } )
                // ... or after HAVING; kept ahead of the named windows in the WINDOW list
                [ LOOKAHEAD(3) VelostreamWindowClause(velostreamWindows) ]
                ( windowDecls = Window() | { windowDecls = null; } )
                { windowDecls = SqlVelostreamWindow.prependTo(velostreamWindows, windowDecls); }
        """),
  };

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: PatchParserTemplate <calcite Parser.jj> <patched Parser.jj>");
      System.exit(2);
    }
    Path in = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String text = Files.readString(in, StandardCharsets.UTF_8).replace("\r\n", "\n");
    for (Edit edit : EDITS) {
      int first = text.indexOf(edit.from());
      int count = 0;
      for (int i = first; i >= 0; i = text.indexOf(edit.from(), i + 1)) {
        count++;
      }
      if (count != 1) {
        System.err.println(
            "PatchParserTemplate: expected exactly 1 occurrence in "
                + in
                + " but found "
                + count
                + " of:\n"
                + edit.from()
                + "\nEdit: "
                + edit.why()
                + "\nThe Calcite parser template changed: review and update this edit.");
        System.exit(1);
      }
      text = text.substring(0, first) + edit.to() + text.substring(first + edit.from().length());
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);
    System.out.println("PatchParserTemplate: " + EDITS.length + " edit(s) applied -> " + out);
  }
}

package io.sluice.bench.compare;

import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Apache Calcite's own execution (Enumerable convention, {@code jdbc:calcite:}) over the data set's
 * Java arrays, exposed as a ScannableTable that yields one Object[] per row. The statement is
 * prepared once (planning is not timed); each run executes it and reads every column of every row.
 */
final class CalciteEngine implements Engine {
    private Connection connection;
    private PreparedStatement statement;
    private List<Kind> kinds;
    private List<String> names;
    private long sunk;

    @Override
    public String id() {
        return "calcite-mem";
    }

    @Override
    public String label() {
        return "Calcite " + org.apache.calcite.jdbc.Driver.class.getPackage().getImplementationVersion()
            + " Enumerable, 1 thread";
    }

    @Override
    public String mode() {
        return "in-memory";
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public void prepare(final QueryDef q, final Workspace ws) throws Exception {
        close();
        final Dataset d = ws.dataset(q.data());
        kinds = ws.kinds(q);
        names = ws.names(q);
        final Properties info = new Properties();
        info.setProperty("lex", "JAVA");
        info.setProperty("timeZone", "UTC");
        connection = DriverManager.getConnection("jdbc:calcite:", info);
        final SchemaPlus root = connection.unwrap(CalciteConnection.class).getRootSchema();
        final SchemaPlus s = root.add("s", new org.apache.calcite.schema.impl.AbstractSchema());
        s.add(d.table, new ArrayTable(d));
        statement = connection.prepareStatement(QueryDef.body(q.calciteSql()).replace("${table}", "s.`" + d.table + "`"));
    }

    @Override
    public ResultTable result() throws Exception {
        final List<Object[]> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                final Object[] row = new Object[kinds.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = kinds.get(c).canon(rs.getObject(c + 1));
                }
                rows.add(row);
            }
        }
        return new ResultTable(names, kinds, rows);
    }

    @Override
    public long time() throws Exception {
        final long t0 = System.nanoTime();
        long sum = 0;
        try (ResultSet rs = statement.executeQuery()) {
            final int n = kinds.size();
            while (rs.next()) {
                for (int c = 1; c <= n; c++) {
                    switch (kinds.get(c - 1)) {
                        case LONG -> sum += rs.getLong(c);
                        case DOUBLE -> sum += (long) rs.getDouble(c);
                        case STRING -> sum += rs.getString(c).length();
                        case TIMESTAMP -> sum += rs.getTimestamp(c).getTime();
                    }
                }
            }
        }
        sunk += sum;
        return System.nanoTime() - t0;
    }

    @Override
    public void close() throws Exception {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** A data set's arrays as a Calcite table: BIGINT, DOUBLE, VARCHAR and TIMESTAMP(3) columns, NOT NULL. */
    static final class ArrayTable extends AbstractTable implements ScannableTable {
        private final Dataset data;

        ArrayTable(final Dataset data) {
            this.data = data;
        }

        @Override
        public RelDataType getRowType(final RelDataTypeFactory types) {
            final RelDataTypeFactory.Builder b = types.builder();
            for (int c = 0; c < data.names.size(); c++) {
                final RelDataType t = switch (data.kinds.get(c)) {
                    case LONG -> types.createSqlType(SqlTypeName.BIGINT);
                    case DOUBLE -> types.createSqlType(SqlTypeName.DOUBLE);
                    case STRING -> types.createSqlType(SqlTypeName.VARCHAR);
                    case TIMESTAMP -> types.createSqlType(SqlTypeName.TIMESTAMP, 3);
                };
                b.add(data.names.get(c), t);
            }
            return b.build();
        }

        @Override
        public Enumerable<Object[]> scan(final DataContext root) {
            return new AbstractEnumerable<>() {
                @Override
                public Enumerator<Object[]> enumerator() {
                    return new Enumerator<>() {
                        private int row = -1;

                        @Override
                        public Object[] current() {
                            final Object[] out = new Object[data.columns.length];
                            for (int c = 0; c < out.length; c++) {
                                final Object col = data.columns[c];
                                out[c] = switch (data.kinds.get(c)) {
                                    case LONG, TIMESTAMP -> ((long[]) col)[row]; // TIMESTAMP: epoch millis, Calcite's internal form
                                    case DOUBLE -> ((double[]) col)[row];
                                    case STRING -> ((String[]) col)[row];
                                };
                            }
                            return out;
                        }

                        @Override
                        public boolean moveNext() {
                            return ++row < data.rows;
                        }

                        @Override
                        public void reset() {
                            row = -1;
                        }

                        @Override
                        public void close() {
                        }
                    };
                }
            };
        }
    }
}

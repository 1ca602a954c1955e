package io.sluice.bench.compare;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's chart: one bar chart per query (median rows/s per engine, log scale, higher is
 * better), laid out two per line in one PNG. The scalar twins are left out: today they run the same
 * kernel as the SIMD rows.
 */
final class Chart {
    private static final int W = 800;
    private static final int H = 520;

    private Chart() {
    }

    static void write(final List<Measurement> rows, final Path png) throws IOException {
        final List<String> queries = new ArrayList<>();
        for (final Measurement m : rows) {
            if (m.ok() && !queries.contains(m.query())) {
                queries.add(m.query());
            }
        }
        final int cols = Math.min(2, Math.max(1, queries.size()));
        final int lines = Math.max(1, (queries.size() + cols - 1) / cols);
        final BufferedImage image = new BufferedImage(W * cols, H * lines, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < queries.size(); i++) {
            final String q = queries.get(i);
            final List<String> engines = new ArrayList<>();
            final List<Double> values = new ArrayList<>();
            for (final Measurement m : rows) {
                if (m.ok() && m.query().equals(q) && !m.engine().startsWith("sluice-scalar")) {
                    engines.add(m.engine());
                    values.add(m.median());
                }
            }
            final CategoryChart chart = new CategoryChartBuilder().width(W).height(H)
                .title(q + ": rows/s, median (log scale)").build();
            final Styler s = chart.getStyler();
            chart.getStyler().setYAxisLogarithmic(true);
            s.setLegendVisible(false);
            chart.getStyler().setXAxisLabelRotation(45);
            chart.getStyler().setPlotGridVerticalLinesVisible(false);
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            if (values.isEmpty()) {
                continue;
            }
            // XChart's log axis needs explicit bounds for bars: whole powers of ten around the data
            final double lo = values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
            final double hi = values.stream().mapToDouble(Double::doubleValue).max().orElse(10);
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))));
            chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi * 1.01))));
            chart.addSeries("median rows/s", engines, values);
            g.drawImage(BitmapEncoder.getBufferedImage(chart), (i % cols) * W, (i / cols) * H, null);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}

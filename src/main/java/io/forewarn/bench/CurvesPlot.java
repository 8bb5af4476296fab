package io.forewarn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The plot of {@code bench curves}, as SVG: each figure's ratio to its first value against the number of parties
 * (a logarithmic axis), with the bound of 2× drawn across, so that a curve that is not flat shows at a glance.
 */
final class CurvesPlot {

    private static final int WIDTH = 840;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 260;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final String[] COLOURS = {"#1b6ca8", "#d1495b", "#2e933c", "#edae49", "#6a4c93", "#222222"};

    private CurvesPlot() {
    }

    static void write(Path file, List<CurvesBench.Point> points) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, svg(points), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plot to " + file + ": " + e.getMessage(), e);
        }
    }

    static String svg(List<CurvesBench.Point> points) {
        double lowest = Math.log10(points.get(0).parties());
        double highest = Math.log10(points.get(points.size() - 1).parties());
        double top = CurvesBench.FLAT * 1.5;
        for (CurvesBench.Point point : points) {
            for (int m = 0; m < CurvesBench.MEASURES.size(); m++) {
                double ratio = CurvesBench.ratio(point, CurvesBench.first(points, m), m);
                if (!Double.isNaN(ratio)) {
                    top = Math.max(top, ratio * 1.1);
                }
            }
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double span = Math.max(highest - lowest, 1e-9);
        double yMax = top;
        java.util.function.DoubleUnaryOperator x = parties -> LEFT + (Math.log10(parties) - lowest) / span * plotWidth;
        java.util.function.DoubleUnaryOperator y = ratio -> TOP + plotHeight - ratio / yMax * plotHeight;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append("<title>forewarn bench curves: each figure over its value at the first size</title>\n");
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"14\">Cost over its value at %,d parties "
                + "(flat: under %.0f×)</text>%n", LEFT, points.get(0).parties(), CurvesBench.FLAT));
        // axes, with a tick at each size and at each whole ratio
        svg.append(line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, "#333", ""));
        svg.append(line(LEFT, TOP, LEFT, TOP + plotHeight, "#333", ""));
        for (CurvesBench.Point point : points) {
            double at = x.applyAsDouble(point.parties());
            svg.append(line(at, TOP + plotHeight, at, TOP + plotHeight + 5, "#333", ""));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%,d</text>%n", at,
                    TOP + plotHeight + 20, point.parties()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">parties</text>%n",
                LEFT + plotWidth / 2, HEIGHT - 15));
        for (int ratio = 0; ratio <= (int) yMax; ratio++) {
            double at = y.applyAsDouble(ratio);
            svg.append(line(LEFT - 5, at, LEFT, at, "#333", ""));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d×</text>%n", LEFT - 8, at + 4, ratio));
        }
        double bound = y.applyAsDouble(CurvesBench.FLAT);
        svg.append(line(LEFT, bound, LEFT + plotWidth, bound, "#999", " stroke-dasharray=\"6 4\""));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#666\">bound</text>%n", LEFT + plotWidth + 4,
                bound + 4));
        for (int m = 0; m < CurvesBench.MEASURES.size(); m++) {
            String colour = COLOURS[m % COLOURS.length];
            StringBuilder polyline = new StringBuilder();
            for (CurvesBench.Point point : points) {
                double ratio = CurvesBench.ratio(point, CurvesBench.first(points, m), m);
                if (!Double.isNaN(ratio)) {
                    polyline.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(point.parties()), y.applyAsDouble(ratio)));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                            x.applyAsDouble(point.parties()), y.applyAsDouble(ratio), colour));
                }
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    polyline.toString().strip(), colour));
            double legend = TOP + 10 + m * 20;
            svg.append(line(WIDTH - RIGHT + 30, legend, WIDTH - RIGHT + 50, legend, colour, " stroke-width=\"2\""));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\">%s</text>%n", WIDTH - RIGHT + 56, legend + 4,
                    CurvesBench.MEASURES.get(m)));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1, y1, x2, y2, colour, extra);
    }
}

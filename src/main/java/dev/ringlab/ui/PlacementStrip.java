package dev.ringlab.ui;

import dev.ringlab.palette.ServerColours;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import dev.ringlab.ring.algorithm.BoundedLoadPlacement;
import dev.ringlab.ring.algorithm.MaglevPlacement;
import dev.ringlab.ring.algorithm.Placement;
import dev.ringlab.ring.algorithm.RendezvousPlacement;
import dev.ringlab.ring.algorithm.RingPlacement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A placement as one strip of cells, coloured by server: Maglev's lookup table entry by entry, the
 * ring's slots, or, for rendezvous and jump (which have no table), the first 64 request keys and
 * where each goes. Pointing at a cell tells what it is; for rendezvous, every server's score for that
 * key, highest (the winner) first.
 */
public final class PlacementStrip extends Region {

    static final int SAMPLE_KEYS = 64;

    private final Canvas canvas = new Canvas();
    private List<Server> cells = List.of();
    private Placement placement;
    private String kind = "";
    private Consumer<String> detail = text -> { };

    public PlacementStrip() {
        getChildren().add(canvas);
        setMinHeight(36);
        setPrefHeight(48);
        canvas.setOnMouseMoved(event -> describe(cellAt(event.getX())));
        canvas.setOnMouseExited(event -> detail.accept(""));
    }

    /** Where the text for the cell under the pointer goes. */
    void onDetail(Consumer<String> sink) {
        this.detail = sink;
    }

    /** Shows {@code next}; on the FX thread (the cells are cheap to read from an immutable placement). */
    void show(Placement next) {
        this.placement = next;
        if (next instanceof MaglevPlacement maglev) {
            kind = "table entry";
            cells = maglev.entries();
        } else if (next instanceof RingPlacement ring) {
            kind = "slot";
            cells = owners(ring.snapshot());
        } else if (next instanceof BoundedLoadPlacement bounded) {
            kind = "slot";
            cells = owners(bounded.snapshot());
        } else {
            kind = "key";
            List<Server> routed = new ArrayList<>();
            for (long key = 0; key < SAMPLE_KEYS && !next.isEmpty(); key++) {
                routed.add(next.route(key));
            }
            cells = routed;
        }
        draw();
    }

    /** The text for cell {@code index}: what it is, who owns it, and for rendezvous every score. */
    String describe(int index) {
        if (index < 0 || index >= cells.size()) {
            detail.accept("");
            return "";
        }
        Server owner = cells.get(index);
        String text = kind + " " + index + " → " + owner.name();
        if (placement instanceof RendezvousPlacement) {
            long key = index;
            List<Server> ranked = new ArrayList<>(placement.servers());
            ranked.sort(Comparator.comparingLong((Server server) -> RendezvousPlacement.score(key, server)).reversed());
            StringBuilder scores = new StringBuilder(" · scores: ");
            for (Server server : ranked) {
                // as a fraction of the 64-bit range, so the numbers read like weights
                double weight = (RendezvousPlacement.score(key, server) / Math.pow(2, 64)) + 0.5;
                scores.append(String.format(Locale.ROOT, "%s %.3f  ", server.name(), weight));
            }
            text += scores.toString().stripTrailing();
        }
        detail.accept(text);
        return text;
    }

    int cellAt(double x) {
        if (cells.isEmpty() || getWidth() <= 0) {
            return -1;
        }
        return (int) Math.min(cells.size() - 1, Math.max(0, x / getWidth() * cells.size()));
    }

    int cellCount() {
        return cells.size();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        var g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        if (cells.isEmpty() || width <= 0) {
            return;
        }
        // one pixel column at most per cell: a 65,537-entry table is drawn by sampling
        int columns = (int) Math.min(cells.size(), Math.ceil(width));
        double step = width / columns;
        for (int column = 0; column < columns; column++) {
            Server owner = cells.get((int) ((long) column * cells.size() / columns));
            g.setFill(Color.web(ServerColours.of(owner)));
            g.fillRect(column * step, 0, Math.ceil(step), height);
        }
        if (columns == cells.size() && step >= 6) {
            g.setStroke(Color.WHITE);
            for (int column = 1; column < columns; column++) {
                g.strokeLine(column * step, 0, column * step, height);
            }
        }
    }

    private static List<Server> owners(RingSnapshot ring) {
        List<Server> owners = new ArrayList<>(ring.config().slots());
        for (int slot = 0; slot < ring.config().slots() && !ring.isEmpty(); slot++) {
            owners.add(ring.ownerOfSlot(slot));
        }
        return owners;
    }
}

package dev.ringlab.ui;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The ring: slot 0 at the top, slots clockwise, a tick per slot, every virtual node a marker in its
 * server's colour on a band coloured by the owner of each arc. The last membership change is an orange
 * band outside the ring; requests flash where they hash and travel clockwise to the virtual node that
 * serves them. Paints only when something changed or a flash is in flight; the frame pump drives it.
 */
public final class RingCanvas extends Region {

    static final long FLASH_TRAVEL_NANOS = 450_000_000L;
    static final long FLASH_FADE_NANOS = 350_000_000L;
    static final int MAX_FLASHES = 240;

    private record Flash(RequestTally.Landing landing, long bornAt) {
    }

    /** The ring itself, repainted only when it changes; flashes go on the overlay, cleared every frame. */
    private final Canvas canvas = new Canvas();
    private final Canvas overlay = new Canvas();
    private final ObjectProperty<RingPicture> picture =
            new SimpleObjectProperty<>(RingPicture.of(RingSnapshot.empty(RingConfig.DEFAULT), null));
    private final ObjectProperty<RingPicture.SlotDetail> focus = new SimpleObjectProperty<>();
    private final Deque<Flash> flashes = new ArrayDeque<>();
    private boolean dirty = true;
    /** Whether the overlay still shows flashes from the last frame. */
    private boolean flashing;
    private long paints;

    public RingCanvas() {
        getChildren().addAll(canvas, overlay);
        overlay.setMouseTransparent(true);
        getStyleClass().add("ring-canvas");
        setMinSize(240, 240);
        setPrefSize(640, 640);
        picture.addListener((obs, old, now) -> {
            dirty = true;
            RingPicture.SlotDetail current = focus.get();
            focus.set(current == null ? null : now.detailOf(Math.min(current.slot(), now.slots() - 1)));
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, event -> pointAt(event.getX(), event.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> pointAt(event.getX(), event.getY()));
    }

    /** What is drawn now: read-only for everyone but the controller. */
    public RingPicture picture() {
        return picture.get();
    }

    void show(RingPicture next) {
        picture.set(next);
    }

    public ReadOnlyObjectProperty<RingPicture> pictureProperty() {
        return picture;
    }

    /** The slot under the pointer (hover or click) and what owns it, or null. */
    public ReadOnlyObjectProperty<RingPicture.SlotDetail> focusProperty() {
        return focus;
    }

    /** How many frames were actually painted; frames with nothing new are skipped. */
    public long paints() {
        return paints;
    }

    int flashesInFlight() {
        return flashes.size();
    }

    void flash(List<RequestTally.Landing> landings, long now) {
        for (RequestTally.Landing landing : landings) {
            if (flashes.size() >= MAX_FLASHES) {
                flashes.removeFirst();
            }
            flashes.addLast(new Flash(landing, now));
        }
    }

    /** Where a slot's marker sits in this node's coordinates, e.g. to point at it. */
    public Point2D slotPosition(int slot) {
        Geometry g = geometry();
        return g.at(slot, g.band());
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            dirty = true;
            paint(System.nanoTime());
        }
    }

    /** Paints if anything changed since the last frame; called once per pulse by the frame pump. */
    void paint(long now) {
        if (!shown()) {
            return; // drawing into a hidden tab still costs a repaint of the whole window: wait until it shows
        }
        Geometry g = geometry();
        if (dirty) {
            dirty = false;
            paints++;
            GraphicsContext gc = canvas.getGraphicsContext2D();
            gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            if (g.radius() >= 40) {
                RingPicture p = picture.get();
                drawTicks(gc, g, p.slots());
                drawChangedSlots(gc, g, p);
                drawOwnership(gc, g, p);
                drawFocus(gc, g);
                drawMarkers(gc, g, p);
                drawCentre(gc, g, p);
            }
        }
        if (flashing || !flashes.isEmpty()) {
            GraphicsContext gc = overlay.getGraphicsContext2D();
            gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
            if (g.radius() >= 40) {
                drawFlashes(gc, g, now);
            }
            flashing = !flashes.isEmpty();
        }
    }

    /** Whether the ring is on screen: its tab selected and the window showing it. */
    boolean shown() {
        return OnScreen.showing(this);
    }

    private void drawTicks(GraphicsContext gc, Geometry g, int slots) {
        gc.setStroke(Color.web("#b0b0b0"));
        gc.setLineWidth(1);
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.strokeOval(g.cx() - g.radius(), g.cy() - g.radius(), 2 * g.radius(), 2 * g.radius());
        int labelEvery = labelInterval(slots);
        int majorEvery = Math.max(1, labelEvery / 4);
        // With many slots individual ticks would be a grey smear: draw only the major ones then.
        boolean everySlot = slots <= 2048;
        gc.setFont(Font.font("System", 11));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (int slot = 0; slot < slots; slot++) {
            boolean label = slot % labelEvery == 0;
            boolean major = slot % majorEvery == 0;
            if (!everySlot && !major) {
                continue;
            }
            double length = label ? 9 : major ? 6 : 3;
            Point2D inner = g.at(slot, g.radius());
            Point2D outer = g.at(slot, g.radius() + length);
            gc.setStroke(label ? Color.web("#404040") : Color.web("#a0a0a0"));
            gc.strokeLine(inner.getX(), inner.getY(), outer.getX(), outer.getY());
            if (label) {
                Point2D text = g.at(slot, g.radius() + 22);
                gc.setFill(Color.web("#303030"));
                gc.fillText(Integer.toString(slot), text.getX(), text.getY());
            }
        }
    }

    private void drawChangedSlots(GraphicsContext gc, Geometry g, RingPicture p) {
        if (p.changedSlots().isEmpty()) {
            return;
        }
        gc.setStroke(Color.web("#ff8c00", 0.85));
        gc.setLineWidth(6);
        gc.setLineCap(StrokeLineCap.BUTT);
        double r = g.radius() - 3;
        for (int slot : p.changedSlots()) {
            strokeSlotArc(gc, g, r, slot, slot + 1, p.slots());
        }
    }

    private void drawOwnership(GraphicsContext gc, Geometry g, RingPicture p) {
        List<RingPicture.Marker> markers = p.markers();
        gc.setLineWidth(g.bandWidth());
        gc.setLineCap(StrokeLineCap.BUTT);
        if (markers.isEmpty()) {
            gc.setStroke(Color.web("#eeeeee"));
            strokeSlotArc(gc, g, g.band(), 0, p.slots(), p.slots());
            return;
        }
        for (int i = 0; i < markers.size(); i++) {
            RingPicture.Marker marker = markers.get(i);
            int from = markers.get(Math.floorMod(i - 1, markers.size())).slot() + 1;
            int to = marker.slot() + 1;
            if (markers.size() == 1) {
                from = to - p.slots();
            } else if (from > to) {
                from -= p.slots();
            }
            gc.setStroke(Color.web(marker.colour(), 0.45));
            strokeSlotArc(gc, g, g.band(), from, to, p.slots());
        }
    }

    private void drawFocus(GraphicsContext gc, Geometry g) {
        RingPicture.SlotDetail detail = focus.get();
        if (detail == null) {
            return;
        }
        Point2D inner = g.at(detail.slot(), g.band() - g.bandWidth());
        Point2D outer = g.at(detail.slot(), g.radius() + 6);
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(2);
        gc.strokeLine(inner.getX(), inner.getY(), outer.getX(), outer.getY());
    }

    private void drawMarkers(GraphicsContext gc, Geometry g, RingPicture p) {
        double size = Math.max(6, Math.min(12, g.radius() / 24));
        gc.setLineWidth(1.2);
        for (RingPicture.Marker marker : p.markers()) {
            Point2D at = g.at(marker.slot(), g.band());
            gc.setFill(Color.web(marker.colour()));
            gc.fillOval(at.getX() - size / 2, at.getY() - size / 2, size, size);
            gc.setStroke(Color.web("#202020"));
            gc.strokeOval(at.getX() - size / 2, at.getY() - size / 2, size, size);
        }
    }

    private void drawFlashes(GraphicsContext gc, Geometry g, long now) {
        int slots = picture.get().slots();
        for (Iterator<Flash> it = flashes.iterator(); it.hasNext(); ) {
            Flash flash = it.next();
            long age = now - flash.bornAt();
            if (age > FLASH_TRAVEL_NANOS + FLASH_FADE_NANOS) {
                it.remove();
                continue;
            }
            RequestTally.Landing landing = flash.landing();
            Color colour = Color.web(ServerColours.of(landing.server()));
            double r = g.band() - g.bandWidth() - 6;
            if (age <= FLASH_TRAVEL_NANOS) {
                // Travel clockwise from the slot the key hashed to, to the virtual node that serves it.
                double t = (double) age / FLASH_TRAVEL_NANOS;
                int distance = Math.floorMod(landing.nodeSlot() - landing.requestSlot(), slots);
                Point2D start = g.at(landing.requestSlot(), r);
                gc.setFill(Color.web("#202020", 0.6 * (1 - t)));
                gc.fillOval(start.getX() - 2, start.getY() - 2, 4, 4);
                Point2D at = g.at(landing.requestSlot() + t * distance, r);
                gc.setFill(colour);
                gc.fillOval(at.getX() - 4, at.getY() - 4, 8, 8);
            } else {
                double t = (double) (age - FLASH_TRAVEL_NANOS) / FLASH_FADE_NANOS;
                Point2D at = g.at(landing.nodeSlot(), g.band());
                double halo = 8 + 14 * t;
                gc.setStroke(colour.deriveColor(0, 1, 1, 1 - t));
                gc.setLineWidth(2.5);
                gc.strokeOval(at.getX() - halo / 2, at.getY() - halo / 2, halo, halo);
            }
        }
    }

    private void drawCentre(GraphicsContext gc, Geometry g, RingPicture p) {
        RingConfig config = p.ring().config();
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFill(Color.web("#202020"));
        gc.setFont(Font.font("System", FontWeight.BOLD, 15));
        String servers = p.ring().size() == 1 ? "1 server" : p.ring().size() + " servers";
        gc.fillText(servers + " on the ring", g.cx(), g.cy() - 20);
        gc.setFont(Font.font("System", 12));
        gc.setFill(Color.web("#404040"));
        gc.fillText(config.slots() + " slots · " + config.virtualNodesPerServer() + " virtual nodes each",
                g.cx(), g.cy());
        gc.fillText(config.hash().name() + " hash · " + config.probing().label() + " probing", g.cx(), g.cy() + 18);
    }

    private void strokeSlotArc(GraphicsContext gc, Geometry g, double r, double fromSlot, double toSlot, int slots) {
        double start = 90 - 360.0 * fromSlot / slots;
        double extent = -360.0 * (toSlot - fromSlot) / slots;
        gc.strokeArc(g.cx() - r, g.cy() - r, 2 * r, 2 * r, start, extent, ArcType.OPEN);
    }

    /** Shows {@code slot} in the side panel as if the pointer were on it. */
    void focusOn(int slot) {
        focus.set(picture.get().detailOf(slot));
        dirty = true;
    }

    private void pointAt(double x, double y) {
        Geometry g = geometry();
        double dx = x - g.cx();
        double dy = y - g.cy();
        double distance = Math.hypot(dx, dy);
        if (distance < g.band() - 3 * g.bandWidth() || distance > g.radius() + 30) {
            return;
        }
        double clockwiseFromTop = Math.toDegrees(Math.atan2(dx, -dy));
        int slots = picture.get().slots();
        int slot = (int) Math.floor(Math.floorMod(Math.round(clockwiseFromTop * 1000), 360_000) / 360_000.0 * slots
                + 0.5) % slots;
        RingPicture.SlotDetail detail = picture.get().detailOf(slot);
        if (detail == null) {
            detail = new RingPicture.SlotDetail(slot, null, false, 0);
        }
        focus.set(detail);
        dirty = true;
    }

    private Geometry geometry() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double radius = Math.min(w, h) / 2 - 34;
        return new Geometry(w / 2, h / 2, radius, Math.max(8, radius / 14), picture.get().slots());
    }

    /** The ring's centre, outer radius, the width of the ownership band and the slot count. */
    private record Geometry(double cx, double cy, double radius, double bandWidth, int slots) {

        double band() {
            return radius - 4 - bandWidth / 2;
        }

        /** Slot 0 at the top, clockwise; fractional slots for things in motion. */
        Point2D at(double slot, double r) {
            double angle = 2 * Math.PI * slot / slots;
            return new Point2D(cx + r * Math.sin(angle), cy - r * Math.cos(angle));
        }
    }

    private static int labelInterval(int slots) {
        int interval = 1;
        while (slots / interval > 16) {
            interval *= 2;
        }
        return interval;
    }
}

package dev.ringlab.ui;

import dev.ringlab.experiment.HotKey;
import dev.ringlab.palette.ServerColours;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
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
 * The ring: slot 0 at the top, slots clockwise, every virtual node a marker in its server's colour on
 * a solid band coloured by the owner of each arc. The last change is a black hatch outside the band
 * (never a server's hue), the arcs of a server that left are a dashed ghost inside it, a server that is
 * down is crossed out, the selected server is outlined, and a probed key is an arrow from its slot
 * clockwise to the virtual node that serves it, kept until the next probe. Requests fly from where
 * they hash to the node that serves them, on the playback clock. Paints only when something changed or
 * a flight is under way; the frame pump drives it.
 *
 * <p>Every size follows {@link #scaleProperty()}: 1 at a desk, about 2 for a projector.
 */
public final class RingCanvas extends Region {

    static final long FLASH_TRAVEL_NANOS = 700_000_000L;
    static final long FLASH_FADE_NANOS = 500_000_000L;
    static final int MAX_FLASHES = 240;

    private static final Color INK = Color.web("#111111");
    private static final Color GHOST = Color.web("#767676");

    private record Flash(RequestLandings.Landing landing, long bornAt) {
    }

    /** The ring itself, repainted only when it changes; flights go on the overlay, cleared every frame. */
    private final Canvas canvas = new Canvas();
    private final Canvas overlay = new Canvas();
    private final ObjectProperty<RingPicture> picture =
            new SimpleObjectProperty<>(RingPicture.of(RingSnapshot.empty(RingConfig.DEFAULT), null));
    private final ObjectProperty<RingPicture.SlotDetail> focus = new SimpleObjectProperty<>();
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final Deque<Flash> flashes = new ArrayDeque<>();
    private final MigrationFlight migration = new MigrationFlight();
    /** The hottest keys of the analysis running, marked on the ring while its chart fills; empty otherwise. */
    private List<HotKey> hotKeys = List.of();
    private Consumer<String> onSelect = name -> { };
    private boolean dirty = true;
    /** Whether the overlay still shows flights from the last frame. */
    private boolean flashing;
    /** Paints regardless of being on screen: a copy made for an export. */
    private boolean offscreen;
    private long paints;

    public RingCanvas() {
        getChildren().addAll(canvas, overlay);
        overlay.setMouseTransparent(true);
        getStyleClass().add("ring-canvas");
        setMinSize(200, 200);
        setPrefSize(640, 640);
        picture.addListener((obs, old, now) -> {
            dirty = true;
            flyMovedKeys(old, now);
            RingPicture.SlotDetail current = focus.get();
            focus.set(current == null ? null : now.detailOf(Math.min(current.slot(), now.slots() - 1)));
        });
        scale.addListener((obs, old, now) -> dirty = true);
        dark.addListener((obs, old, now) -> dirty = true);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, event -> pointAt(event.getX(), event.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            pointAt(event.getX(), event.getY());
            RingPicture.SlotDetail detail = focus.get();
            if (detail != null && detail.owner() != null) {
                onSelect.accept(detail.owner().serverName());
            }
        });
        // The hover line belongs to the pointer: it goes when the pointer leaves.
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, event -> {
            focus.set(null);
            dirty = true;
        });
    }

    /** A change shown for the first time sends its moved keys flying; a selection or a probe does not. */
    private void flyMovedKeys(RingPicture old, RingPicture now) {
        if (offscreen || now.change() == null || (old != null && old.change() == now.change())) {
            return;
        }
        if (now.band() == null && now.routesRequests()) {
            migration.start(MigrationFlight.plan(now.change()));
        } else {
            migration.stop(); // under another algorithm the ring's moves are not where keys go
        }
    }

    /** The keys in flight after the last change, for tests. */
    MigrationFlight.Plan migrationPlan() {
        return migration.plan();
    }

    /** A copy of {@code source}'s picture for an export: no pointer line, no flights, painted off screen. */
    static RingCanvas copyOf(RingCanvas source, double size) {
        RingCanvas copy = new RingCanvas();
        copy.offscreen = true;
        copy.picture.set(source.picture.get());
        copy.hotKeys = source.hotKeys;
        copy.scale.set(Math.max(1, size / 700));
        copy.dark.set(false); // a slide is ink on white, whatever the window's theme
        copy.resize(size, size);
        copy.setPrefSize(size, size);
        copy.layoutChildren();
        return copy;
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

    /** Marks these hot keys' slots on the ring (hottest first); an empty list clears them. */
    void showHotKeys(List<HotKey> hottest) {
        hotKeys = List.copyOf(hottest);
        dirty = true;
    }

    List<HotKeyLayer.Mark> hotKeyMarks() {
        return HotKeyLayer.marks(picture.get().ring(), hotKeys);
    }

    /** The slot under the pointer (hover or click) and what owns it, or null. */
    public ReadOnlyObjectProperty<RingPicture.SlotDetail> focusProperty() {
        return focus;
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Called with a server's name when the user clicks its arc or marker. */
    void onSelect(Consumer<String> select) {
        this.onSelect = select;
    }

    /** How many frames were actually painted; frames with nothing new are skipped. */
    public long paints() {
        return paints;
    }

    int flashesInFlight() {
        return flashes.size();
    }

    void flash(List<RequestLandings.Landing> landings, long now) {
        for (RequestLandings.Landing landing : landings) {
            if (flashes.size() >= MAX_FLASHES) {
                flashes.removeFirst();
            }
            flashes.addLast(new Flash(landing, now));
        }
    }

    /** Where a slot's marker sits in this node's coordinates, e.g. to point at it. */
    public Point2D slotPosition(int slot) {
        RingGeometry g = geometry();
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
            paint(0);
        }
    }

    /** Paints if anything changed since the last frame; {@code now} is the playback clock. */
    void paint(long now) {
        if (!offscreen && !shown()) {
            return; // drawing into a hidden tab still costs a repaint of the whole window: wait until it shows
        }
        RingGeometry g = geometry();
        if (dirty) {
            dirty = false;
            paints++;
            GraphicsContext gc = canvas.getGraphicsContext2D();
            gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            if (g.radius() >= 40) {
                RingPicture p = picture.get();
                drawTicks(gc, g, p.slots());
                drawOwnership(gc, g, p);
                PlacementBandLayer.draw(gc, g, p, ink());
                drawChangedSlots(gc, g, p);
                drawGhosts(gc, g, p);
                drawSelected(gc, g, p);
                drawFocus(gc, g);
                drawMarkers(gc, g, p);
                HotKeyLayer.draw(gc, g, p.ring(), hotKeys, ink(), paper());
                new ProbeArrow(gc, g, ink(), paper()).draw(p);
                drawCentre(gc, g, p);
            }
        }
        boolean migrating = migration.active(now);
        if (flashing || !flashes.isEmpty() || migrating) {
            GraphicsContext gc = overlay.getGraphicsContext2D();
            gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
            if (g.radius() >= 40) {
                drawFlashes(gc, g, now);
                migration.draw(gc, g, now, ink());
            }
            flashing = !flashes.isEmpty() || migrating;
        }
    }

    /** Whether the ring is on screen: its tab selected and the window showing it. */
    boolean shown() {
        return OnScreen.showing(this);
    }

    private Color ink() {
        return dark.get() ? Color.web("#f0f0f0") : INK;
    }

    private Color paper() {
        return dark.get() ? Color.web(ServerColours.DARK_BACKGROUND) : Color.WHITE;
    }

    private Font font(double px, boolean bold) {
        return Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, px * scale.get());
    }

    private void drawTicks(GraphicsContext gc, RingGeometry g, int slots) {
        gc.setStroke(GHOST);
        gc.setLineWidth(1);
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.strokeOval(g.cx() - g.radius(), g.cy() - g.radius(), 2 * g.radius(), 2 * g.radius());
        int labelEvery = labelInterval(slots, scale.get());
        int majorEvery = Math.max(1, labelEvery / 4);
        boolean everySlot = slots <= 2048 && 2 * Math.PI * g.radius() / slots >= 2;
        gc.setFont(font(12, false));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        double s = scale.get();
        for (int slot = 0; slot < slots; slot++) {
            boolean label = slot % labelEvery == 0;
            boolean major = slot % majorEvery == 0;
            if (!everySlot && !major) {
                continue;
            }
            double length = (label ? 9 : major ? 6 : 3) * s;
            Point2D inner = g.at(slot, g.radius());
            Point2D outer = g.at(slot, g.radius() + length);
            gc.setStroke(label ? ink() : GHOST);
            gc.strokeLine(inner.getX(), inner.getY(), outer.getX(), outer.getY());
            if (label) {
                Point2D text = g.at(slot, g.labels());
                gc.setFill(ink());
                gc.fillText(Integer.toString(slot), text.getX(), text.getY());
            }
        }
    }

    /** Solid arcs in the owner's colour, split by a thin line of the background so neighbours stay apart. */
    private void drawOwnership(GraphicsContext gc, RingGeometry g, RingPicture p) {
        List<RingPicture.Marker> markers = p.markers();
        gc.setLineWidth(g.bandWidth());
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineDashes();
        if (markers.isEmpty()) {
            gc.setStroke(GHOST.deriveColor(0, 1, 1, 0.3));
            strokeSlotArc(gc, g, g.band(), 0, p.slots(), p.slots());
            return;
        }
        // A ring that does not route the requests is drawn faded, so nobody reads it as the truth.
        double alpha = p.routesRequests() ? 1 : 0.25;
        for (int i = 0; i < markers.size(); i++) {
            RingPicture.Marker marker = markers.get(i);
            gc.setStroke(Color.web(marker.colour(), alpha));
            strokeSlotArc(gc, g, g.band(), arcStart(markers, i, p.slots()), marker.slot() + 1, p.slots());
        }
        gc.setStroke(paper());
        gc.setLineWidth(1.5);
        for (int i = 0; i < markers.size(); i++) {
            RingPicture.Marker marker = markers.get(i);
            RingPicture.Marker next = markers.get((i + 1) % markers.size());
            if (!next.server().equals(marker.server())) {
                Point2D a = g.at(marker.slot() + 1, g.band() - g.bandWidth() / 2);
                Point2D b = g.at(marker.slot() + 1, g.band() + g.bandWidth() / 2);
                gc.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
            }
        }
    }

    /** The first slot of the arc the {@code i}-th marker owns, below its own slot when the arc wraps past 0. */
    private static int arcStart(List<RingPicture.Marker> markers, int i, int slots) {
        int to = markers.get(i).slot() + 1;
        int from = markers.get(Math.floorMod(i - 1, markers.size())).slot() + 1;
        return markers.size() == 1 ? to - slots : from > to ? from - slots : from;
    }

    /** The slots the last change moved: black hatching just outside the band. */
    private void drawChangedSlots(GraphicsContext gc, RingGeometry g, RingPicture p) {
        if (p.changedSlots().isEmpty()) {
            return;
        }
        double inner = g.band() + g.bandWidth() / 2 + 1;
        double outer = g.radius() - 1;
        gc.setLineWidth(Math.max(1.5, 1.5 * scale.get()));
        gc.setStroke(ink());
        gc.setLineDashes();
        int slots = p.slots();
        double slotLength = 2 * Math.PI * outer / slots;
        // one diagonal per slot, or per few pixels when slots are finer than the stroke
        double every = Math.max(1, Math.ceil(4 * scale.get() / slotLength));
        for (int slot : p.changedSlots()) {
            if (slot % every != 0 && slotLength < 4 * scale.get()) {
                continue;
            }
            Point2D a = g.at(slot, inner);
            Point2D b = g.at(slot + 1.0, outer);
            gc.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
        }
    }

    /** Where a server that left owned slots: a dashed grey arc inside the band, until the next change. */
    private void drawGhosts(GraphicsContext gc, RingGeometry g, RingPicture p) {
        if (p.ghostSlots().isEmpty()) {
            return;
        }
        double r = g.band() - g.bandWidth() / 2 - 5 * scale.get();
        gc.setStroke(GHOST);
        gc.setLineWidth(4 * scale.get());
        gc.setLineDashes(6 * scale.get(), 4 * scale.get());
        for (int slot : p.ghostSlots()) {
            strokeSlotArc(gc, g, r, slot, slot + 1, p.slots());
        }
        gc.setLineDashes();
    }

    /** The selected server's arcs outlined outside the band. */
    private void drawSelected(GraphicsContext gc, RingGeometry g, RingPicture p) {
        if (p.selected() == null || p.markers().isEmpty()) {
            return;
        }
        List<RingPicture.Marker> markers = p.markers();
        gc.setStroke(ink());
        gc.setLineWidth(3 * scale.get());
        gc.setLineDashes();
        double r = g.band() - g.bandWidth() / 2 - 2 * scale.get();
        for (int i = 0; i < markers.size(); i++) {
            RingPicture.Marker marker = markers.get(i);
            if (!marker.serverName().equals(p.selected())) {
                continue;
            }
            strokeSlotArc(gc, g, r, arcStart(markers, i, p.slots()), marker.slot() + 1, p.slots());
        }
    }

    private void drawFocus(GraphicsContext gc, RingGeometry g) {
        RingPicture.SlotDetail detail = focus.get();
        if (detail == null) {
            return;
        }
        Point2D inner = g.at(detail.slot(), g.band() - g.bandWidth());
        Point2D outer = g.at(detail.slot(), (g.placementWidth() > 0 ? g.placementOuter() : g.radius()) + 6);
        gc.setStroke(ink());
        gc.setLineWidth(2);
        gc.strokeLine(inner.getX(), inner.getY(), outer.getX(), outer.getY());
    }

    private void drawMarkers(GraphicsContext gc, RingGeometry g, RingPicture p) {
        if (p.markers().isEmpty()) {
            return;
        }
        // Markers shrink as they crowd, so a hundred nodes per server thin to a bead line instead of a wall.
        double room = 2 * Math.PI * g.band() / p.markers().size();
        double size = Math.max(4, Math.min(14 * scale.get(), room * 0.9));
        for (RingPicture.Marker marker : p.markers()) {
            Point2D at = g.at(marker.slot(), g.band());
            Color colour = Color.web(marker.colour());
            gc.setFill(p.routesRequests() ? colour : colour.deriveColor(0, 1, 1, 0.3));
            gc.fillOval(at.getX() - size / 2, at.getY() - size / 2, size, size);
            if (size >= 6) {
                gc.setStroke(paper());
                gc.setLineWidth(Math.max(1.2, size / 8));
                gc.strokeOval(at.getX() - size / 2, at.getY() - size / 2, size, size);
            }
            if (p.down().contains(marker.serverName())) {
                cross(gc, at, size);
            }
        }
        // a server declared dead and held off the ring: a hollow grey ring where each node was, crossed out
        for (RingPicture.Marker marker : p.fallen()) {
            Point2D at = g.at(marker.slot(), g.band());
            gc.setStroke(GHOST);
            gc.setLineWidth(Math.max(1.5, 2 * scale.get()));
            gc.strokeOval(at.getX() - size / 2, at.getY() - size / 2, size, size);
            cross(gc, at, size);
        }
    }

    /** The mark of a server that is down: an ink cross over its marker, never a server's hue. */
    private void cross(GraphicsContext gc, Point2D at, double size) {
        double x = Math.max(size, 10 * scale.get()) * 0.75;
        gc.setStroke(ink());
        gc.setLineWidth(Math.max(2.5, 3 * scale.get()));
        gc.strokeLine(at.getX() - x, at.getY() - x, at.getX() + x, at.getY() + x);
        gc.strokeLine(at.getX() - x, at.getY() + x, at.getX() + x, at.getY() - x);
    }

    private void drawFlashes(GraphicsContext gc, RingGeometry g, long now) {
        int slots = picture.get().slots();
        double s = scale.get();
        for (Iterator<Flash> it = flashes.iterator(); it.hasNext(); ) {
            Flash flash = it.next();
            long age = now - flash.bornAt();
            if (age > FLASH_TRAVEL_NANOS + FLASH_FADE_NANOS) {
                it.remove();
                continue;
            }
            RequestLandings.Landing landing = flash.landing();
            Color colour = Color.web(ServerColours.of(landing.server()));
            if (picture.get().band() != null) {
                PlacementBandLayer.flash(gc, g, landing.requestSlot(), colour, age, ink());
                continue;
            }
            double r = g.band() - g.bandWidth() - 6 * s;
            if (age <= FLASH_TRAVEL_NANOS) {
                // Travel clockwise from the slot the key hashed to, to the virtual node that serves it.
                double t = Math.max(0, (double) age / FLASH_TRAVEL_NANOS);
                int distance = Math.floorMod(landing.nodeSlot() - landing.requestSlot(), slots);
                Point2D start = g.at(landing.requestSlot(), r);
                gc.setFill(ink().deriveColor(0, 1, 1, 0.6 * (1 - t)));
                gc.fillOval(start.getX() - 3 * s, start.getY() - 3 * s, 6 * s, 6 * s);
                Point2D at = g.at(landing.requestSlot() + t * distance, r);
                double d = 12 * s;
                gc.setFill(colour);
                gc.fillOval(at.getX() - d / 2, at.getY() - d / 2, d, d);
                gc.setStroke(ink());
                gc.setLineWidth(1.5);
                gc.strokeOval(at.getX() - d / 2, at.getY() - d / 2, d, d);
            } else {
                double t = (double) (age - FLASH_TRAVEL_NANOS) / FLASH_FADE_NANOS;
                Point2D at = g.at(landing.nodeSlot(), g.band());
                double halo = (10 + 18 * t) * s;
                gc.setStroke(colour.deriveColor(0, 1, 1, 1 - t));
                gc.setLineWidth(3 * s);
                gc.strokeOval(at.getX() - halo / 2, at.getY() - halo / 2, halo, halo);
            }
        }
    }

    private void drawCentre(GraphicsContext gc, RingGeometry g, RingPicture p) {
        RingConfig config = p.ring().config();
        // the words must fit inside the band: on a small ring they shrink, and the details go first
        double inner = g.band() - g.bandWidth() / 2 - 16 * scale.get();
        double s = Math.min(scale.get(), inner / 110);
        if (s < 0.6) {
            return;
        }
        // the wide lines (hot keys above, the band's or faded ring's note below) sit far from the centre,
        // where the circle is narrower: they get a smaller size of their own, about 150 units of radius
        double w = Math.min(scale.get(), inner / 150);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFill(ink());
        gc.setFont(Font.font("System", FontWeight.BOLD, 17 * s));
        String servers = p.ring().size() == 1 ? "1 server" : p.ring().size() + " servers";
        gc.fillText(servers + " on the ring", g.cx(), g.cy() - 24 * s);
        if (!hotKeys.isEmpty()) {
            gc.setFont(Font.font("System", FontWeight.BOLD, 13 * w));
            gc.fillText(HotKeyLayer.caption(hotKeys), g.cx(), g.cy() - 24 * s - 28 * w);
        }
        gc.setFont(Font.font("System", 13 * s));
        gc.fillText(config.slots() + " slots · " + config.virtualNodesPerServer() + " virtual nodes each",
                g.cx(), g.cy());
        gc.fillText(config.hash().name() + " hash · " + config.probing().label() + " probing", g.cx(), g.cy() + 20 * s);
        if (p.band() != null) {
            gc.setFont(Font.font("System", FontWeight.BOLD, 15 * w));
            gc.fillText("Outer band: where requests", g.cx(), g.cy() + 20 * s + 30 * w);
            gc.fillText("go under " + p.algorithm().label() + ", not this ring", g.cx(), g.cy() + 20 * s + 50 * w);
        } else if (!p.routesRequests()) {
            gc.setFont(Font.font("System", FontWeight.BOLD, 15 * w));
            gc.fillText("Requests route by " + p.algorithm().label() + ",", g.cx(), g.cy() + 20 * s + 30 * w);
            gc.fillText("not by this ring (faded)", g.cx(), g.cy() + 20 * s + 50 * w);
        }
    }

    static void strokeSlotArc(GraphicsContext gc, RingGeometry g, double r, double fromSlot, double toSlot, int slots) {
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
        RingGeometry g = geometry();
        double dx = x - g.cx();
        double dy = y - g.cy();
        double distance = Math.hypot(dx, dy);
        if (distance < g.band() - 3 * g.bandWidth() || distance > g.placementOuter() + 20 * scale.get()) {
            return;
        }
        double clockwiseFromTop = Math.toDegrees(Math.atan2(dx, -dy));
        int slots = picture.get().slots();
        int slot = (int) Math.floor(Math.floorMod(Math.round(clockwiseFromTop * 1000), 360_000) / 360_000.0 * slots
                + 0.5) % slots;
        RingPicture.SlotDetail detail = picture.get().detailOf(slot);
        if (detail == null) {
            detail = new RingPicture.SlotDetail(slot, null, false, 0, null);
        }
        focus.set(detail);
        dirty = true;
    }

    private RingGeometry geometry() {
        RingPicture p = picture.get();
        return RingGeometry.fit(canvas.getWidth(), canvas.getHeight(), p.slots(), scale.get(), p.band() != null);
    }

    private static int labelInterval(int slots, double scale) {
        int interval = 1;
        int most = scale > 1.4 ? 8 : 16;
        while (slots / interval > most) {
            interval *= 2;
        }
        return interval;
    }

}

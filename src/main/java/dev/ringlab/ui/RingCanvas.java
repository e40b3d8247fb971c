package dev.ringlab.ui;

import dev.ringlab.experiment.HotKey;
import dev.ringlab.palette.ServerColours;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
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
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

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

    private static final Color INK = Color.web("#111111");

    /** The ring itself, repainted only when it changes; flights go on the overlay, cleared every frame. */
    private final Canvas canvas = new Canvas();
    private final Canvas overlay = new Canvas();
    private final ObjectProperty<RingPicture> picture =
            new SimpleObjectProperty<>(RingPicture.of(RingSnapshot.empty(RingConfig.DEFAULT), null));
    private final ObjectProperty<RingPicture.SlotDetail> focus = new SimpleObjectProperty<>();
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final RequestFlights flights = new RequestFlights();
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
    /** Painted in this order, each over the ones before, whenever the picture changes. */
    private final List<RingLayer> layers = List.of(
            new SlotTicks(),
            new OwnershipBand(),
            (paint, p) -> PlacementBandLayer.draw(paint.gc(), paint.g(), p, paint.ink()),
            new ChangeMarks(),
            new FaultArcs(),
            new SelectionOutline(),
            new PointerLine(focus::get),
            new NodeMarkers(),
            (paint, p) -> HotKeyLayer.draw(paint.gc(), paint.g(), p.ring(), hotKeys, paint.ink(), paint.paper()),
            (paint, p) -> new ProbeArrow(paint.gc(), paint.g(), paint.ink(), paint.paper()).draw(p),
            new CentreText(() -> hotKeys));

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
        return flights.size();
    }

    void flash(List<RequestLandings.Landing> landings, long now) {
        flights.add(landings, now);
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
        RingPicture p = picture.get();
        if (dirty) {
            dirty = false;
            paints++;
            GraphicsContext gc = canvas.getGraphicsContext2D();
            gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            if (g.radius() >= 40) {
                RingPaint paint = new RingPaint(gc, g, ink(), paper());
                for (RingLayer layer : layers) {
                    layer.draw(paint, p);
                }
            }
        }
        boolean migrating = migration.active(now);
        if (flashing || !flights.isEmpty() || migrating) {
            GraphicsContext gc = overlay.getGraphicsContext2D();
            gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
            if (g.radius() >= 40) {
                flights.draw(new RingPaint(gc, g, ink(), paper()), p, now);
                migration.draw(gc, g, now, ink());
            }
            flashing = !flights.isEmpty() || migrating;
        }
    }

    /** Whether the ring is on screen: its tab selected and the window showing it. */
    boolean shown() {
        return OnScreen.showing(this);
    }

    Color ink() {
        return dark.get() ? Color.web("#f0f0f0") : INK;
    }

    Color paper() {
        return dark.get() ? Color.web(ServerColours.DARK_BACKGROUND) : Color.WHITE;
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
}

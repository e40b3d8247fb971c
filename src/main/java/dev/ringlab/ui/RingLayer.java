package dev.ringlab.ui;

/**
 * One layer of the ring canvas (ticks, the ownership band, the marks of the last change, markers, the
 * centre text, ...). The canvas paints its layers in order, each over the ones before, only when the
 * picture changed: a layer reads the picture and draws, and keeps no state of its own.
 */
@FunctionalInterface
interface RingLayer {

    void draw(RingPaint paint, RingPicture picture);
}

package dev.ringlab.ring;

/** A slot whose owner changed between two snapshots; {@code from} or {@code to} is null on an empty ring. */
public record SlotMove(int slot, Server from, Server to) {
}

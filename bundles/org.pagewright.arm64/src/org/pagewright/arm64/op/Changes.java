package org.pagewright.arm64.op;

import java.util.ArrayList;
import java.util.List;

/**
 * What an operation changed: descriptor writes, table pages allocated, and notable events (at most
 * {@link #MAX_EVENTS} kept; the rest are counted).
 */
public record Changes(long entriesWritten, int tablesAllocated, List<Event> events, long eventsDropped) {
    public static final int MAX_EVENTS = 1000;
    public static final Changes NONE = new Changes(0, 0, List.of(), 0);

    public Changes {
        events = List.copyOf(events);
    }

    public boolean isEmpty() {
        return entriesWritten == 0 && tablesAllocated == 0 && events.isEmpty();
    }

    public boolean warned() {
        return events.stream().anyMatch(e -> e instanceof Event.Warning
                || e instanceof Event.RefusedBlockUpdate r && r.warned());
    }

    public <T extends Event> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<Event.Split> splits() {
        return eventsOf(Event.Split.class);
    }

    public List<Event.MixedContGroup> mixedContGroups() {
        return eventsOf(Event.MixedContGroup.class);
    }

    /** Mutable accumulator used while an operation runs. */
    public static final class Log {
        private long entriesWritten;
        private int tablesAllocated;
        private final List<Event> events = new ArrayList<>();
        private long dropped;

        public void wrote(long n) {
            entriesWritten += n;
        }

        public void allocatedTable() {
            tablesAllocated++;
        }

        public void event(Event e) {
            if (events.size() < MAX_EVENTS) {
                events.add(e);
            } else {
                dropped++;
            }
        }

        public void warn(String text) {
            event(new Event.Warning(text));
        }

        public Changes freeze() {
            return new Changes(entriesWritten, tablesAllocated, events, dropped);
        }
    }
}

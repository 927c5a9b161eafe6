package boxoffice.app.service;

import boxoffice.app.domain.Event;
import boxoffice.app.domain.EventStatus;
import boxoffice.app.domain.WaitlistEntry;
import boxoffice.app.service.BusinessMetrics.WaitlistStep;
import boxoffice.app.service.OutboxMessage.WaitlistClosure;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The offer worker: serves waiting lists in join order. For each event that needs it, it locks the
 * event row unless another transaction holds it ({@code SKIP LOCKED}: another instance is serving
 * it, or a booking is in flight; the next round tries again), reclaims lapsed holds, ends lapsed
 * offers, and offers each waiting entry whose whole quantity fits the seats available a hold of its
 * own. An entry that does not fit keeps its place, and later entries that fit are served; so a
 * group is never split and never blocks smaller requests behind it. Everything for one event
 * commits together, under its row lock, so two instances never offer the same seats.
 */
public final class WaitlistOffers {
  /** Events served per round, and entries looked at per event. */
  static final int EVENTS_PER_ROUND = 50;

  static final int ENTRIES_PER_EVENT = 200;

  private final Transactions transactions;
  private final WaitlistRepository waitlist;
  private final HoldRepository holds;
  private final BookingRepository bookings;
  private final EventRepository events;
  private final Outbox outbox;
  private final WaitlistRules rules;
  private final Clock clock;
  private final BusinessMetrics metrics;

  @Inject
  public WaitlistOffers(
      Transactions transactions,
      WaitlistRepository waitlist,
      HoldRepository holds,
      BookingRepository bookings,
      EventRepository events,
      Outbox outbox,
      WaitlistRules rules,
      Clock clock,
      BusinessMetrics metrics) {
    this.transactions = transactions;
    this.waitlist = waitlist;
    this.holds = holds;
    this.bookings = bookings;
    this.events = events;
    this.outbox = outbox;
    this.rules = rules;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** One round over the events that need it; returns how many offers it made. */
  public int serve() {
    Instant now = clock.instant();
    int offers = 0;
    for (UUID eventId : waitlist.eventsToServe(now, EVENTS_PER_ROUND)) {
      Round round = transactions.inTransaction(() -> serve(eventId, now));
      metrics.waitlist(WaitlistStep.OFFERED, round.offered());
      metrics.waitlist(WaitlistStep.EXPIRED, round.expired());
      metrics.waitlist(WaitlistStep.CLOSED, round.closed());
      offers += round.offered();
    }
    return offers;
  }

  /** What one event's round did. */
  private record Round(int offered, int expired, int closed) {
    static final Round SKIPPED = new Round(0, 0, 0);
  }

  private Round serve(UUID eventId, Instant now) {
    if (!holds.lockEventUnlessBusy(eventId)) {
      return Round.SKIPPED;
    }
    holds.reclaimLapsed(eventId, now);
    Event event = events.findByIdForUpdate(eventId).orElse(null);
    if (event == null) {
      return Round.SKIPPED;
    }
    List<WaitlistEntry> lapsed = waitlist.expireOffers(eventId, now);
    lapsed.forEach(e -> outbox.record(OutboxMessage.WaitlistOfferExpired.of(e, event)));
    if (event.status() == EventStatus.DRAFT) {
      return new Round(0, lapsed.size(), 0); // back in preparation: the line waits
    }
    if (event.status() != EventStatus.PUBLISHED || event.hasStarted(now)) {
      return new Round(0, lapsed.size(), close(event, OutboxMessage.NOBODY, now));
    }
    int free = event.seatsAvailable(now);
    int offered = 0;
    for (WaitlistEntry entry : waitlist.waiting(eventId, ENTRIES_PER_EVENT)) {
      if (free <= 0) {
        break;
      }
      if (entry.quantity() > free || overLimit(event, entry)) {
        continue; // keeps its place: all or nothing, and the next entries may fit
      }
      UUID holdId = UUID.randomUUID();
      Instant deadline = now.plus(rules.offerTtl());
      Instant expiresAt = deadline.isBefore(event.startsAt()) ? deadline : event.startsAt();
      if (waitlist.offer(entry, holdId, expiresAt, now)) {
        outbox.record(OutboxMessage.WaitlistOffered.of(entry, holdId, expiresAt, event));
        free -= entry.quantity();
        offered++;
      }
    }
    return new Round(offered, lapsed.size(), 0);
  }

  private boolean overLimit(Event event, WaitlistEntry entry) {
    return bookings.ticketsHeld(event.id(), entry.userId()) + entry.quantity()
        > event.maxTicketsPerUser();
  }

  /**
   * Ends every entry of the locked event still in line, one message each; for an event that has
   * started, was cancelled or completed. Returns how many it ended.
   */
  int close(Event event, UUID adminId, Instant now) {
    WaitlistClosure cause =
        switch (event.status()) {
          case CANCELLED -> WaitlistClosure.EVENT_CANCELLED;
          case COMPLETED -> WaitlistClosure.EVENT_COMPLETED;
          case DRAFT, PUBLISHED -> WaitlistClosure.EVENT_STARTED;
        };
    List<WaitlistEntry> closed = waitlist.close(event.id(), now);
    closed.forEach(e -> outbox.record(OutboxMessage.WaitlistClosed.of(e, cause, adminId, event)));
    return closed.size();
  }
}

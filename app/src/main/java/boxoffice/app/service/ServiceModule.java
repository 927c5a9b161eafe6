package boxoffice.app.service;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/** Binds the use cases to their implementations. */
public final class ServiceModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(AuthService.class).to(PasswordAuthService.class).in(Singleton.class);
    bind(UserService.class).to(UserDirectory.class).in(Singleton.class);
    bind(RoleService.class).to(RoleAssignments.class).in(Singleton.class);
    bind(EventService.class).to(EventCatalog.class).in(Singleton.class);
    bind(BookingService.class).to(SeatBookingService.class).in(Singleton.class);
    bind(ReviewService.class).to(RatingsAndComments.class).in(Singleton.class);
    bind(TicketService.class).to(TicketDesk.class).in(Singleton.class);
    bind(HoldService.class).to(HoldDesk.class).in(Singleton.class);
    bind(HoldSweeper.class).in(Singleton.class);
    bind(WaitlistService.class).to(WaitlistDesk.class).in(Singleton.class);
    bind(WaitlistOffers.class).in(Singleton.class);
    bind(LoginThrottle.class).in(Singleton.class);
    bind(Housekeeping.class).in(Singleton.class);
    bind(HealthService.class).in(Singleton.class);
    bind(AdminAccountProvisioner.class).in(Singleton.class);
  }
}

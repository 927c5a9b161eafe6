package boxoffice.app.outbox;

import boxoffice.app.service.OutboxEncoding;
import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/**
 * The encoding of outbox payloads alone, for injectors that write no outbox rows yet need the data
 * layer whole (a migration job); {@link OutboxModule} installs it.
 */
public final class OutboxEncodingModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(OutboxEncoding.class).to(OutboxPayloads.class).in(Singleton.class);
  }
}

package boxoffice.audit.log;

/** The end of the chain: the last sequence given out and its hash ({@code 0}/genesis if none). */
public record ChainHead(long lastSequence, String lastHash) {}

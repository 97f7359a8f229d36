package io.resourcemanager.ttl.domain;

/** Why a subject expired. */
public enum ExpiryCause {
    /** Its deadline was reached. */
    DEADLINE,
    /** It was an idle worker for long enough to be let go early. */
    IDLE
}

package io.resourcemanager.ttl.topology;

import io.resourcemanager.events.EventHeader;
import io.resourcemanager.events.ExpiryReason;
import io.resourcemanager.events.TtlEventEnvelope;
import io.resourcemanager.events.TtlExpired;
import io.resourcemanager.events.TtlExtended;
import io.resourcemanager.events.TtlExtensionRefused;
import io.resourcemanager.events.TtlWarning;
import io.resourcemanager.ttl.domain.ExpiryCause;
import io.resourcemanager.ttl.domain.TtlFact;

/** TTL facts as the events of {@code rm.ttl.events}. */
final class TtlEventRecords {

    private TtlEventRecords() {
    }

    static TtlEventEnvelope of(TtlFact fact, EventHeader header) {
        return TtlEventEnvelope.newBuilder().setHeader(header).setPayload(payload(fact)).build();
    }

    private static Object payload(TtlFact fact) {
        if (fact instanceof TtlFact.Warned warned) {
            return TtlWarning.newBuilder()
                    .setSubjectId(warned.subjectId())
                    .setSubjectType(CountdownRecords.subjectType(warned.deadline().kind()))
                    .setDeadline(warned.deadline().at())
                    .setRemainingSeconds(warned.remaining().toSeconds())
                    .build();
        }
        if (fact instanceof TtlFact.Expired expired) {
            return TtlExpired.newBuilder()
                    .setSubjectId(expired.subjectId())
                    .setSubjectType(CountdownRecords.subjectType(expired.deadline().kind()))
                    .setDeadline(expired.deadline().at())
                    .setReason(expired.cause() == ExpiryCause.IDLE ? ExpiryReason.IDLE : ExpiryReason.DEADLINE)
                    .setGraceSeconds(expired.grace().toSeconds())
                    .build();
        }
        if (fact instanceof TtlFact.Extended extended) {
            return TtlExtended.newBuilder()
                    .setSubjectId(extended.subjectId())
                    .setSubjectType(CountdownRecords.subjectType(extended.after().kind()))
                    .setPreviousDeadline(extended.before().at())
                    .setNewDeadline(extended.after().at())
                    .setExtensionsUsed(extended.after().extensionsUsed())
                    .setRequestId(extended.requestId())
                    .build();
        }
        TtlFact.Refused refused = (TtlFact.Refused) fact;
        return TtlExtensionRefused.newBuilder()
                .setSubjectId(refused.subjectId())
                .setSubjectType(CountdownRecords.subjectType(refused.kind()))
                .setReason(refused.refusal().message())
                .setRequestId(refused.requestId())
                .build();
    }
}

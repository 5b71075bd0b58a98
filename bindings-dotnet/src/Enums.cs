using System;

namespace LexEdi
{
    /// <summary>A wire format (<c>lex_format</c>).</summary>
    public enum Format
    {
        /// <summary>Detect the format from the first bytes of the input.</summary>
        Auto = 0,
        /// <summary>JSON-EDI.</summary>
        Json = 1,
        /// <summary>XML-EDI.</summary>
        Xml = 2,
        /// <summary>ANSI X12 850.</summary>
        X12 = 3,
        /// <summary>UN/EDIFACT ORDERS.</summary>
        Edifact = 4,
    }

    /// <summary>The severity of a validation issue (<c>lex_level</c>).</summary>
    public enum Level
    {
        /// <summary>The message cannot be processed at all.</summary>
        Critical = 0,
        /// <summary>A rule is violated; the message is invalid.</summary>
        Error = 1,
        /// <summary>Worth knowing; the message stays valid.</summary>
        Warning = 2,
        /// <summary>Informational (only when requested).</summary>
        Info = 3,
    }

    /// <summary>How normalisations made while reading count (<c>lex_read_mode</c>).</summary>
    public enum ReadMode
    {
        /// <summary>Normalisations are warnings (the default).</summary>
        Tolerant = 0,
        /// <summary>Normalisations are errors: only canonical input is valid.</summary>
        Strict = 1,
    }

    /// <summary>Which status transition rules apply (<c>lex_policy</c>).</summary>
    public enum TransitionPolicy
    {
        /// <summary>The project's default matrix.</summary>
        Default = 0,
        /// <summary>Only the published table, self-transitions and moves to ARCHIVED.</summary>
        StrictTable = 1,
    }

    /// <summary>The verdict on a status transition (<c>lex_transition</c>).</summary>
    public enum Transition
    {
        /// <summary>Allowed.</summary>
        Allowed = 0,
        /// <summary>Allowed with a STATUS_TRANSITION_UNLISTED warning.</summary>
        Unlisted = 1,
        /// <summary>Forbidden: an INVALID_STATUS_TRANSITION error.</summary>
        Forbidden = 2,
    }

    /// <summary>What a <see cref="Receiver"/> did with a message (<c>lex_outcome</c>).</summary>
    public enum Outcome
    {
        /// <summary>Valid and processed; acknowledged RECEIVED/PROCESSED.</summary>
        Accepted = 0,
        /// <summary>Invalid; acknowledged REJECTED.</summary>
        Rejected = 1,
        /// <summary>Expired (TTL): not processed, no acknowledgment.</summary>
        DeadLetter = 2,
    }

    /// <summary>The five LEX message types.</summary>
    public enum MessageType
    {
        /// <summary><c>LEAD</c>.</summary>
        Lead,
        /// <summary><c>ASSET</c>.</summary>
        Asset,
        /// <summary><c>ACKNOWLEDGMENT</c>.</summary>
        Acknowledgment,
        /// <summary><c>SUBSCRIPTION</c>.</summary>
        Subscription,
        /// <summary><c>LEAD_CLOSURE</c>.</summary>
        LeadClosure,
    }

    /// <summary>The 15 lead statuses, in the order of <see cref="Lex.Statuses"/>.</summary>
    public enum LeadStatus
    {
        /// <summary><c>CART</c>.</summary>
        Cart,
        /// <summary><c>SHOPPING</c>.</summary>
        Shopping,
        /// <summary><c>EXPLORING</c>.</summary>
        Exploring,
        /// <summary><c>TEST_DRIVE_REQUESTED</c>.</summary>
        TestDriveRequested,
        /// <summary><c>TEST_DRIVE_COMPLETED</c>.</summary>
        TestDriveCompleted,
        /// <summary><c>TRADE_IN</c>.</summary>
        TradeIn,
        /// <summary><c>EXPRESSED_INTEREST</c>.</summary>
        ExpressedInterest,
        /// <summary><c>RESERVATION</c>.</summary>
        Reservation,
        /// <summary><c>APPOINTMENT_REQUEST</c>.</summary>
        AppointmentRequest,
        /// <summary><c>IN_NEGOTIATION</c>.</summary>
        InNegotiation,
        /// <summary><c>ORDER</c>.</summary>
        Order,
        /// <summary><c>ORDER_CONFIRMED</c>.</summary>
        OrderConfirmed,
        /// <summary><c>IN_DELIVERY</c>.</summary>
        InDelivery,
        /// <summary><c>DELIVERED</c>.</summary>
        Delivered,
        /// <summary><c>ARCHIVED</c>.</summary>
        Archived,
    }

    /// <summary>Wire names (<c>LEAD_CLOSURE</c>, <c>TEST_DRIVE_REQUESTED</c>) of the enums.</summary>
    public static class WireNames
    {
        /// <summary>The wire name of a message type, e.g. <c>LEAD_CLOSURE</c>.</summary>
        public static string ToWire(this MessageType type)
        {
            return Upper(type.ToString());
        }

        /// <summary>The wire name of a lead status, e.g. <c>TEST_DRIVE_REQUESTED</c>.</summary>
        public static string ToWire(this LeadStatus status)
        {
            return Upper(status.ToString());
        }

        /// <summary>The message type of a wire name; null when it is none of the five.</summary>
        public static MessageType? ParseMessageType(string wire)
        {
            foreach (MessageType t in Enum.GetValues(typeof(MessageType)))
            {
                if (t.ToWire() == wire)
                {
                    return t;
                }
            }
            return null;
        }

        /// <summary>The lead status of a wire name; null when it is none of the 15.</summary>
        public static LeadStatus? ParseLeadStatus(string wire)
        {
            foreach (LeadStatus s in Enum.GetValues(typeof(LeadStatus)))
            {
                if (s.ToWire() == wire)
                {
                    return s;
                }
            }
            return null;
        }

        // PascalCase → UPPER_SNAKE_CASE: the enum member names are the wire names re-cased.
        private static string Upper(string pascal)
        {
            var sb = new System.Text.StringBuilder(pascal.Length + 4);
            for (int i = 0; i < pascal.Length; i++)
            {
                char c = pascal[i];
                if (i > 0 && char.IsUpper(c))
                {
                    sb.Append('_');
                }
                sb.Append(char.ToUpperInvariant(c));
            }
            return sb.ToString();
        }
    }
}

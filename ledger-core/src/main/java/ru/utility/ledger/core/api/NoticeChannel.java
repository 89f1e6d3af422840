package ru.utility.ledger.core.api;

/**
 * How a restriction notice reached the holder (Decree 354 p.119 a): ways that prove the fact and the day of
 * receipt. The 20 days before a restriction count from that day.
 */
public enum NoticeChannel {
    /** Handed over against the holder's signature. */
    IN_PERSON,
    /** A registered letter, delivered. */
    REGISTERED_MAIL,
    /** Printed in the payment document. */
    PAYMENT_DOCUMENT,
    /** A text message to the holder's mobile number. */
    TEXT_MESSAGE,
    /** A recorded telephone call. */
    PHONE_CALL,
    /** An e-mail to the address the holder gave. */
    EMAIL,
    /** The holder's account in the state housing information system (GIS ZhKKh). */
    STATE_HOUSING_SYSTEM
}

#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace smartpos {

// What went wrong, in one vocabulary for every library: the code is for programs (tests, exit
// codes, retries), the message is for the person who can act on it, already translated.
enum class ErrorCode {
    InvalidInput, // a value a person typed, scanned or imported is not acceptable
    NotFound,     // the thing asked for does not exist
    NotSupported, // understood, but this version of SmartPOS cannot do it yet
    Conflict,     // the request contradicts what is already recorded
    Storage,      // the disk or database failed (full, read-only, I/O error)
    Damaged,      // a file is corrupt, tampered with, or not what it claims to be
    Locked,       // another process holds what is needed
    TooNew,       // written by a newer SmartPOS
    Device,       // a device is missing, busy or failed
    Network,      // the network or a server failed
    Unconfirmed,  // allowed, but unusual enough to be done only when confirmed (a large change)
};

struct Error {
    ErrorCode code = ErrorCode::InvalidInput;
    QString message;
};

// A value or the Error that prevented it. Result<void> carries only the error.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    T &operator*() & { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_failed(true)
        , m_error(std::move(error))
    {
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

using Status = Result<void>;

} // namespace smartpos

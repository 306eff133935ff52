"""A password strength estimate (zxcvbn), in plain words. No network, no logging."""

from __future__ import annotations

from dataclasses import dataclass

LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"]
MAX_CHECKED = 64  # zxcvbn gets slow on very long input; the first 64 characters tell enough


@dataclass(frozen=True)
class Strength:
    score: int  # 0..4
    label: str
    advice: str


def estimate(password: str, user_inputs: list[str] | None = None) -> Strength:
    if not password:
        return Strength(0, "", "")
    from zxcvbn import zxcvbn  # loaded on first use: keeps start-up quick

    result = zxcvbn(password[:MAX_CHECKED], user_inputs=user_inputs or [])
    score = int(result.get("score", 0))
    feedback = result.get("feedback") or {}
    advice = str(feedback.get("warning") or "")
    if score < 3:
        advice = (advice + " " if advice else "") + (
            "Five or six unrelated words make a strong password that is easy to remember.")
    return Strength(score, LABELS[score], advice.strip())

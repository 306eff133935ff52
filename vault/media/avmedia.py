"""Audio and video: duration, codecs, capture time, device, place, and an upright poster frame.

PyAV (FFmpeg, bundled in its wheel) reads every container the corpus holds, AMR and raw ADTS
AAC included, decodes H.264/HEVC/H.263 poster frames, and reports the display matrix that turns
a sideways phone video upright. mutagen reads durations too, but not AMR, ADTS or a poster
frame, so it is only the fallback for when PyAV cannot open a file. Two small hand parsers
remain: the ISO box walk (`bmff`) that finds boxes cut short or of impossible size, and an ADTS
frame walk, because FFmpeg estimates a raw AAC stream's length from its bitrate and says nothing
when the last frame is cut off.
"""

from __future__ import annotations

import io
import math
import pathlib
import re
import struct
from typing import Any

from PIL import Image

from . import bmff, limits
from .info import KEPT, NO_CAPTURE_TIME, MediaInfo

_ISO6709 = re.compile(r"^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)")
_ADTS_RATES = [
    96000,
    88200,
    64000,
    48000,
    44100,
    32000,
    24000,
    22050,
    16000,
    12000,
    11025,
    8000,
    7350,
]

NO_PREVIEW_AUDIO = "No picture preview: this is a sound recording."
NO_PREVIEW_VIDEO = f"No preview can be made: no picture could be decoded from the video. {KEPT}"


def _open(data: bytes | None, path: pathlib.Path | None) -> Any:
    import av

    if data is not None:
        return av.open(io.BytesIO(data), mode="r", metadata_errors="replace")
    return av.open(str(path), mode="r", metadata_errors="replace")


def _gps(meta: dict[str, str]) -> list[float] | None:
    for key in ("com.apple.quicktime.location.ISO6709", "location", "location-eng"):
        value = meta.get(key)
        if value:
            m = _ISO6709.match(value.strip())
            if m:
                lat, lon = float(m.group(1)), float(m.group(2))
                if -90 <= lat <= 90 and -180 <= lon <= 180 and (lat, lon) != (0.0, 0.0):
                    return [round(lat, 7), round(lon, 7)]
    return None


def _iso(value: str) -> str:
    v = value.strip()
    v = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", v).replace("Z", "+00:00")
    if "." in v:
        head, _, tail = v.partition(".")
        zone = re.search(r"[+-]\d\d:\d\d$", tail)
        v = head + (zone.group(0) if zone else "")
    return v


def _capture(meta: dict[str, str]) -> tuple[str, str]:
    apple = meta.get("com.apple.quicktime.creationdate")
    if apple:
        return _iso(
            apple
        ), "From the video's creation date written by the phone, with its time zone."
    created = meta.get("creation_time", "")
    if created and not created.startswith(("1904-", "1970-", "0000")):
        return (
            _iso(created),
            "From the video file's creation time (stored in UTC by the device or the program "
            "that wrote the file).",
        )
    return "", NO_CAPTURE_TIME


def _device(meta: dict[str, str]) -> str:
    from .exif import device_name

    make = meta.get("com.apple.quicktime.make") or meta.get("com.android.manufacturer") or ""
    model = meta.get("com.apple.quicktime.model") or meta.get("com.android.model") or ""
    return device_name(make, model)


def _matrix_ops(frame: Any) -> list[Image.Transpose]:
    """Transposes that make a decoded frame upright, from its display matrix (as ffmpeg does)."""
    try:
        from av.sidedata.sidedata import Type

        sd = frame.side_data.get(Type.DISPLAYMATRIX)
    except Exception:
        sd = None
    if sd is None:
        return []
    try:
        m = struct.unpack("<9i", bytes(sd)[:36])
    except (struct.error, TypeError, ValueError):
        return []
    sx = math.hypot(m[0], m[3])
    sy = math.hypot(m[1], m[4])
    if not sx or not sy:
        return []
    theta = round(math.degrees(math.atan2(m[1] / sy, m[0] / sx)))  # ffmpeg get_rotation()
    theta -= 360 * math.floor(theta / 360 + 0.9 / 360)
    T = Image.Transpose
    if abs(theta - 90) < 1:
        return [T.TRANSPOSE] if m[3] > 0 else [T.ROTATE_270]
    if abs(theta - 180) < 1:
        ops = []
        if m[0] < 0:
            ops.append(T.FLIP_LEFT_RIGHT)
        if m[4] < 0:
            ops.append(T.FLIP_TOP_BOTTOM)
        return ops
    if abs(theta - 270) < 1:
        return [T.TRANSVERSE] if m[3] < 0 else [T.ROTATE_90]
    if abs(theta) < 1 and m[4] < 0:
        return [T.FLIP_TOP_BOTTOM]
    return []


def _first_frame(container: Any) -> tuple[Image.Image, list[Image.Transpose]] | None:
    streams = [s for s in container.streams if s.type == "video"]
    if not streams:
        return None
    stream = streams[0]
    stream.thread_type = "NONE"
    for packets, packet in enumerate(container.demux(stream)):
        if packets >= limits.VIDEO_MAX_PACKETS:
            return None
        try:
            frames = packet.decode()
        except Exception:  # a damaged packet: try the next one
            frames = []
        for frame in frames:
            return frame.to_image(), _matrix_ops(frame)
    return None


def poster(data: bytes, max_px: int) -> bytes | None:
    """An upright JPEG of the first video picture, fitting max_px; None if impossible."""
    try:
        with _open(data, None) as container:
            got = _first_frame(container)
    except Exception:
        return None
    if got is None:
        return None
    im, ops = got
    im.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
    for op in ops:
        im = im.transpose(op)
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", quality=limits.JPEG_QUALITY)
    return buf.getvalue()


def _adts(data: bytes) -> tuple[float, bool] | None:
    """(duration, cut_short) of a raw ADTS AAC stream by walking its frames."""
    pos = 0
    frames = 0
    rate = 0
    n = len(data)
    if data[:3] == b"ID3" and n > 10:
        pos = 10 + (
            (data[6] & 0x7F) << 21 | (data[7] & 0x7F) << 14 | (data[8] & 0x7F) << 7 | data[9] & 0x7F
        )
    while pos + 7 <= n:
        if data[pos] != 0xFF or (data[pos + 1] & 0xF6) != 0xF0:
            return None if frames == 0 else (frames * 1024 / rate, True)
        idx = (data[pos + 2] >> 2) & 0x0F
        if idx >= len(_ADTS_RATES):
            return None
        rate = _ADTS_RATES[idx]
        length = ((data[pos + 3] & 0x03) << 11) | (data[pos + 4] << 3) | (data[pos + 5] >> 5)
        if length < 7:
            return None
        if pos + length > n:
            return (frames * 1024 / rate, True)
        frames += 1
        pos += length
    return (frames * 1024 / rate, False) if rate else None


def _mutagen_duration(data: bytes | None, path: pathlib.Path | None) -> float | None:
    try:
        import mutagen

        f = mutagen.File(io.BytesIO(data) if data is not None else path)
        return float(f.info.length) if f is not None and f.info.length else None
    except Exception:
        return None


def inspect_av(
    data: bytes | None, path: pathlib.Path | None, name: str, media_type: str
) -> MediaInfo:
    is_video_type = media_type.startswith("video/")
    info = MediaInfo(media_type=media_type, suggested_kind="video" if is_video_type else "audio")
    info.capture_time_note = NO_CAPTURE_TIME
    details: dict[str, Any] = {}
    info.details = details
    head = data if data is not None else b""
    if data is None and path is not None:
        with path.open("rb") as fh:
            head = fh.read(1024 * 1024)
    if head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free"):
        boxes = bmff.walk(head) if data is not None else bmff.Walk([])
        if boxes.impossible_size:
            info.problems.append(
                "The file's structure is damaged (a part has an impossible size); "
                "what follows it cannot be read."
            )
        elif boxes.runs_past_end:
            info.problems.append(
                "The file is shorter than its own structure says; the end may be missing."
            )
    adts = _adts(data) if data is not None and media_type == "audio/aac" else None
    try:
        container = _open(data, path)
    except Exception:
        info.duration = _mutagen_duration(data, path)
        if not info.problems:
            info.problems.append("The recording could not be read; it may be damaged.")
        info.preview_note = NO_PREVIEW_VIDEO if is_video_type else NO_PREVIEW_AUDIO
        return info
    with container:
        meta = {str(k): str(v) for k, v in (container.metadata or {}).items()}
        streams = []
        has_video = False
        for s in container.streams:
            if s.type not in ("video", "audio"):
                continue
            cc = s.codec_context
            entry: dict[str, Any] = {"type": s.type, "codec": cc.name if cc is not None else ""}
            if s.type == "audio" and cc is not None:
                entry["sample_rate"] = int(cc.sample_rate or 0)
                entry["channels"] = int(getattr(cc, "channels", 0) or 0)
            if s.type == "video" and cc is not None:
                has_video = True
                entry["width"], entry["height"] = int(cc.width or 0), int(cc.height or 0)
                rate = s.average_rate or s.guessed_rate
                if rate:
                    entry["fps"] = round(float(rate), 3)
            streams.append(entry)
        details["streams"] = streams
        details["container"] = str(container.format.name)
        if container.duration:
            info.duration = round(container.duration / 1_000_000, 3)
        info.capture_time, info.capture_time_note = _capture(meta)
        info.device = _device(meta)
        info.gps = _gps(meta)
        if has_video:
            info.suggested_kind = "video"
            # Also from a path: the first picture is found within a bounded packet count.
            got = None
            try:
                got = _first_frame(container)
            except Exception:
                got = None
            if got is None:
                info.preview_note = NO_PREVIEW_VIDEO
                info.problems.append("No picture could be decoded from the video.")
            else:
                im, ops = got
                w, h = im.size
                if any(
                    op
                    in (
                        Image.Transpose.TRANSPOSE,
                        Image.Transpose.TRANSVERSE,
                        Image.Transpose.ROTATE_90,
                        Image.Transpose.ROTATE_270,
                    )
                    for op in ops
                ):
                    w, h = h, w
                info.width, info.height = w, h
        else:
            info.suggested_kind = "audio"
            info.preview_note = NO_PREVIEW_AUDIO
            if media_type.startswith("video/"):
                info.media_type = media_type.replace("video/", "audio/")
    if adts is not None:
        seconds, cut = adts
        details["estimated_duration"] = info.duration
        info.duration = round(seconds, 3)
        if cut:
            info.problems.append(
                "The recording is cut off part-way through its last moment; the end is missing."
            )
    if info.duration is None:
        info.duration = _mutagen_duration(data, path)
    return info

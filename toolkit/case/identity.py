"""Identifiers printed in the documents, checked before anything is drafted (law.md §7).

- 公民身份号码: 18 characters, the last a check digit (《公民身份号码》GB 11643-1999: weights
  7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 indexes "10X98765432"); digits 7–14 are the birth date,
  the 17th is odd for 男 and even for 女.
- 统一社会信用代码: 18 characters of the alphabet 0123456789ABCDEFGHJKLMNPQRTUWXY, the last a check
  character (GB 32100-2015: weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28, check = 31 − sum mod
  31, 31 → 0).
- 案号: （年份）+ 法院代字 + 类型代字 + 编号 + 号, e.g. （2026）京0491民初31875号
  (《关于人民法院案件案号的若干规定》).

Messages are plain Chinese and never repeat an ID number in full.
"""

from __future__ import annotations

import datetime as dt
import re

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CASE_NUMBER = re.compile(
    r"(?:（\d{4}）|\(\d{4}\))"  # 收案年度, in full-width or ASCII brackets
    r"[\u4e00-\u9fff]{1,3}\d{0,4}"  # 法院代字: 京0491, 最高法
    r"[\u4e00-\u9fff]{1,4}"  # 类型代字: 民初, 民终, 执
    r"[1-9]\d{0,5}号"  # 案件编号
)


def id_check_digit(first17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits of an ID number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("需要身份证号的前17位数字")
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id_number_problems(id_number: str, birth_date: dt.date, gender: str) -> list[str]:
    """What is wrong with an ID number, against the client's birth date and gender (empty when right)."""
    if len(id_number) != 18:
        return [f"身份证号应为18位，现为{len(id_number)}位：请对照身份证核对"]
    first17, last = id_number[:17], id_number[17]
    if not (first17.isascii() and first17.isdigit()):
        return ["身份证号前17位应全是数字：请对照身份证核对"]
    problems: list[str] = []
    expected = id_check_digit(first17)
    if last == "x":
        problems.append("身份证号最后一位应写大写 X，不是小写 x")
    if last.upper() != expected:
        problems.append(
            f"身份证号校验码不符（按 GB 11643-1999 应为 {expected}，实为 {last}）：很可能有一位抄错，请对照身份证核对"
        )
    problems += _birth_problems(first17[6:14], birth_date)
    id_gender = "男" if int(first17[16]) % 2 else "女"
    if id_gender != gender:
        problems.append(f"身份证号第17位表示性别为{id_gender}，与 client.gender（{gender}）不一致：请核对")
    return problems


def _birth_problems(digits: str, birth_date: dt.date) -> list[str]:
    try:
        in_id = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return ["身份证号第7—14位不是有效的出生日期：请对照身份证核对"]
    if in_id != birth_date:
        return [
            f"身份证号中的出生日期 {in_id.isoformat()} 与 client.birth_date（{birth_date.isoformat()}）不一致：请核对"
        ]
    return []


def credit_code_check_char(first17: str) -> str:
    """The GB 32100-2015 check character for the first 17 characters of a 统一社会信用代码."""
    if len(first17) != 17 or any(c not in _CODE_ALPHABET for c in first17):
        raise ValueError("需要统一社会信用代码的前17位（数字或大写字母，不含 I、O、S、V、Z）")
    total = sum(_CODE_ALPHABET.index(c) * w for c, w in zip(first17, _CODE_WEIGHTS, strict=True))
    return _CODE_ALPHABET[(31 - total % 31) % 31]


def credit_code_problems(code: str) -> list[str]:
    """What is wrong with a 统一社会信用代码 (empty when right)."""
    if len(code) != 18:
        return [f"统一社会信用代码应为18位，现为{len(code)}位：请对照营业执照核对"]
    if code != code.upper():
        return ["统一社会信用代码中的字母应大写：请改为大写"]
    wrong = sorted({c for c in code if c not in _CODE_ALPHABET})
    if wrong:
        listed = "、".join(wrong)
        return [f"统一社会信用代码含有不使用的字符 {listed}（代码不用 I、O、S、V、Z）：请对照营业执照核对"]
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        return [
            f"统一社会信用代码校验码不符（按 GB 32100-2015 应为 {expected}，实为 {code[17]}）："
            "很可能有一位抄错，请对照营业执照核对"
        ]
    return []


def case_number_ok(text: str) -> bool:
    """Whether ``text`` has the shape of a 案号: （2026）京0491民初31875号, with （） or ()."""
    return _CASE_NUMBER.fullmatch(text) is not None

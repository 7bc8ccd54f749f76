"""What a person sees of a verdict: its short text form and its picture.

:func:`case_of` turns a verdict (with the context it was decided in: the policy, the
jurisdiction and the parsed problem) into the plain :class:`~responsibility.chain._draw.Case`
that the chain wing draws: the levels from the problem's place up to the highest level
concerned, each with its real place name; the problem itself; the bodies concerned (those
with findings, the finder and the receivers of the problem) with their findings as marks;
the path the problem took (found, assigned, reported, concealed). Every name comes from the
policy data; the few words of the picture's own (问题, 期限 …) are in :data:`WORDS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from ._facts import IRREGULAR
from ._verdict import VerdictContext

if TYPE_CHECKING:
    from ..chain._draw import Case
    from ._verdict import Verdict

Lang = Literal["zh", "en"]

#: The picture's own words (everything else is a name from the policy data).
WORDS: dict[str, dict[str, str]] = {
    "zh": {"problem": "问题", "found": "发现", "deadline": "期限", "rectified": "已整改", "open": "未整改",
           "as_of": "截至", "path": "问题流转", "findings": "责任认定", "severity": "情形",
           "none": "无责任认定", "level": "（本级）", "what_if": "假设参数（非规则默认值）"},
    "en": {"problem": "Problem", "found": "found", "deadline": "deadline", "rectified": "rectified",
           "open": "not rectified", "as_of": "as of", "path": "path of the problem", "findings": "findings",
           "severity": "severity", "none": "no findings", "level": "(the level)",
           "what_if": "what-if parameters (not the rules' defaults)", "assigned": "assigned", "reported": "reported"},
}


def short_repr(v: Verdict) -> str:
    """``<Verdict 2021-0042: 9 findings (3 bodies) — not_discovered ×2, … ; compiled>``."""
    bodies = len({(f.body, f.place) for f in v.findings})
    counts: dict[str, int] = {}
    for f in v.findings:
        counts[f.basis] = counts.get(f.basis, 0) + 1
    what = ", ".join(f"{b} ×{n}" for b, n in counts.items()) or "no findings"
    changed = what_if_text(v)
    mark = f"; what-if {changed}" if changed else ""
    return (f"<Verdict {v.problem}: {len(v.findings)} finding(s) on {bodies} bod{'y' if bodies == 1 else 'ies'} "
            f"— {what}; {v.engine}{mark}>")


def what_if_of(v: Verdict) -> dict[str, tuple[Any, Any]]:
    """``{parameter: (rules' value, value used)}`` of a verdict decided under a what-if policy."""
    ctx = v.context
    if not isinstance(ctx, VerdictContext):
        return {}
    return dict(getattr(ctx.policy, "what_if", {}) or {})


def what_if_text(v: Verdict) -> str:
    """``handling_time_limit_days=15 (rules: 10), …`` or ``""``."""
    return ", ".join(f"{k}={new!r} (rules: {old!r})" for k, (old, new) in what_if_of(v).items())


def case_of(v: Verdict, lang: Lang = "zh") -> Case:
    """The plain picture data of a verdict (see the module docstring)."""
    from ..chain._draw import Case, CaseBody, CaseLevel, CaseStep

    ctx = v.context
    if not isinstance(ctx, VerdictContext):
        from .._errors import ResponsibilityError

        raise ResponsibilityError("this verdict was not made by who_answers (it has no context to draw from)")
    policy, j, problem = ctx.policy, ctx.jurisdiction, ctx.problem
    w = WORDS[lang]
    en = lang == "en"

    def name(term: Any) -> str:
        return str(term.en if en and term.en else term.name)

    def short(term: Any) -> str:
        s = term.short_en if en else term.short
        return str(s or name(term))

    from ..chain._jurisdiction import LEVEL_DIGITS

    rank = policy.level_rank
    digits = dict(LEVEL_DIGITS)
    places = {p.level: p for p in j.ancestors(problem.place)}
    bottom = j.place(problem.place).level

    # Who holds the problem at each level: a named body, else the level as a whole.
    holder: dict[str, str] = {}
    actors: dict[str, tuple[str, str]] = {}
    roles: dict[str, list[str]] = {}

    def at(level: str, body: str | None, role: str) -> str:
        if body is not None and body in policy.bodies:
            roles.setdefault(body, []).append(role)
            holder.setdefault(level, body)
            return body
        if level in holder:
            return holder[level]
        actor = f"__level_{level}"
        place = places.get(level)
        actors[actor] = (level, (place.name if place else name(policy.levels[level])) + f"\n{w['level']}")
        holder[level] = actor
        return actor

    steps: list[Any] = []
    types = {t.id: t for t in policy.data.relation_types}

    def type_name(tid: str, fallback: str) -> str:
        t = types.get(tid)
        return t.name if t is not None and not en else w.get(fallback, fallback)

    d = problem.discovered
    if d is not None:
        channel = policy.channels.get(d.channel)
        finder = at(d.level, d.body, w["found"])
        label = f"{w['found']} {d.on.isoformat()}" + (f"\n{name(channel)}" if channel else "")
        steps.append(CaseStep("__problem__", finder, label, "found"))
    for h in problem.handled:
        tail = at(h.by_level, None, "")
        kind: Literal["assigned", "reported"] = "assigned" if h.action == "assigned" else "reported"
        tid = "assigns" if kind == "assigned" else "reports_to"
        head = at(h.to_level, h.to_body, type_name(tid, h.action))
        label = f"{type_name(tid, h.action)} {h.on.isoformat()}"
        # (the step's own deadline, else the record's: read for its assignee alike; check61 L2)
        step_due = h.deadline if h.deadline is not None else problem.deadline
        if kind == "assigned" and step_due is not None:
            label += f"\n{w['deadline']} {step_due.isoformat()}"
        if tail != head:
            steps.append(CaseStep(tail, head, label, kind))
    concealed = policy.failures.get("concealed")
    for who in problem.concealed_by:
        level = who if who in policy.levels else policy.bodies[who].level if who in policy.bodies else None
        if level is None:
            continue
        node = at(level, who if who in policy.bodies else None, short(concealed) if concealed else who)
        steps.append(CaseStep(node, "__problem__", short(concealed) if concealed else who, "concealed"))

    bodies: dict[str, dict[str, Any]] = {}
    for f in v.findings:
        # The rank's label names the place (one per level above a place): the box need not.
        b = bodies.setdefault(f.body, {"level": f.level, "name": f.name_en if en and f.name_en else f.name,
                                       "place": "", "findings": []})
        b["findings"].append((f.basis, f.liability))
    for body in roles:
        if body not in bodies:
            pb = policy.bodies[body]
            bodies[body] = {"level": pb.level, "name": name(pb), "place": "", "findings": []}
    concerned = [rank[b["level"]] for b in bodies.values()] + [rank[lv] for lv, _ in actors.values()]
    top = max([rank[bottom], *concerned])
    levels = []
    for lv in policy.levels:  # lowest first
        if rank[bottom] <= rank[lv] <= top:
            place = places.get(lv)
            label = name(policy.levels[lv]) + (f" · {place.name} {place.code[:digits[lv]]}" if place else "")
            levels.append(CaseLevel(lv, label))

    area = policy.areas.get(problem.domain)
    kind_term = policy.kinds.get((problem.domain, problem.kind)) if problem.kind else None
    severity = next((s for s in policy.data.vocabulary.severities if s.id == problem.severity), None)
    lines = [f"{w['problem']} {problem.id}", name(area) if area else problem.domain]
    if kind_term is not None:
        lines.append(name(kind_term))
    lines.append(f"{w['severity']}: {name(severity) if severity else problem.severity}")
    if problem.deadline is not None:
        lines.append(f"{w['deadline']} {problem.deadline.isoformat()}")
    if problem.rectified_on is not None:
        lines.append(f"{w['rectified']} {problem.rectified_on.isoformat()}")
    elif problem.handled:
        lines.append(f"{w['open']} ({w['as_of']} {v.as_of.isoformat()})")

    sep = ", " if en else "、"
    where = places[bottom].name if bottom in places else problem.place
    from ._problem import residents_place

    own = residents_place(problem)
    if own is not None and own != problem.place:  # an urban community's problem, answered at its 街道: say the 社区
        # (the words of the chain's picture, chain/_draw.policy_picture; session 25's note item 4)
        community = j.place(own).name
        where = f"{community} (an urban community, answered at {where})" if en else \
            f"{community}（城市社区，由{where}承担）"
        lines.insert(1, where)
    title = f"{w['problem']} {problem.id} · {name(area) if area else problem.domain} · {where}"
    notes = [counts_text(v, lang) if v.findings else w["none"]]
    if (changed := what_if_of(v)) and en:
        notes.append(f"{w['what_if']}: " + sep.join(f"{k}={new!r} ({old!r})" for k, (old, new) in changed.items()))
    elif changed:  # a choice by its Chinese name and the id --set takes, the rules' value beside it (review26 #8)
        notes.append(f"{w['what_if']}：" + "；".join(
            f"{k}={value_zh(policy, k, new)}（规则为 {value_zh(policy, k, old)}）"
            for k, (old, new) in changed.items()))
    path_legend: list[tuple[str, str]] = [("found", w["found"])]
    if any(s.kind == "assigned" for s in steps):
        path_legend.append(("assigned", type_name("assigns", "assigned")))
    if any(s.kind == "reported" for s in steps):
        path_legend.append(("reported", type_name("reports_to", "reported")))
    if any(s.kind == "concealed" for s in steps) and concealed is not None:
        path_legend.append(("concealed", short(concealed)))
    return Case(
        title=title,
        levels=tuple(levels),
        problem_level=bottom,
        problem_lines=tuple(lines),
        bodies=tuple(CaseBody(bid, b["level"], b["name"], b["place"], tuple(b["findings"]),
                              sep.join(dict.fromkeys(r for r in roles.get(bid, []) if r)))
                     for bid, b in bodies.items()),
        steps=tuple(steps),
        bases={fid: (short(f), f"{short(f)} — {name(f)}" if short(f) != name(f) else name(f))
               for fid, f in policy.failures.items()},
        liabilities={lid: (short(x), name(x)) for lid, x in policy.liabilities.items()},
        level_actors=actors,
        notes=tuple(notes),
        legend_title=f"{w['path']} / {w['findings']}",
        path_legend=tuple(path_legend),
        lang=lang,
    )


# ------------------------------------------------------------------------------------- text

#: The words of ``explain()`` and the table, by language.
TEXT: dict[str, dict[str, str]] = {
    "zh": {"problem": "问题", "as_of": "截至", "policy": "规则", "engine": "引擎", "none": "无责任认定。",
           "what_if": "假设参数（不是规则的默认值）", "rules_value": "规则为", "basis": "依据", "liability": "责任",
           "why": "理由", "path": "路径", "rule": "推理规则", "parameter": "参数", "rests": "依据解释",
           "clauses": "条款", "interpretations": "依据解释", "findings": "项认定", "bodies": "个主体",
           "by_liability": "按责任计", "no_rows": "据此未另认定主体", "aside": "未计入的步骤"},
    "en": {"problem": "Problem", "as_of": "as of", "policy": "policy", "engine": "engine",
           "none": "No findings: every step was in order.", "what_if": "what-if parameters (not the rules' defaults)",
           "rules_value": "rules", "basis": "basis", "liability": "liability", "why": "why", "path": "path",
           "rule": "rule", "parameter": "parameter", "rests": "rests on", "clauses": "Clauses",
           "interpretations": "Resting on interpretation",
           "findings": "finding(s)", "bodies": "bodies", "by_liability": "counting each liability",
           "no_rows": "no finding rests on it (by it, no further body is named)", "aside": "step set aside"},
}

#: Why a step a level made counted as none (:data:`~._facts.ASIDE_REASONS`), as ``explain()`` says it; ``{step}`` is
#: 交办 or 上报 (assigned or reported).
ASIDE_WORDS: dict[str, dict[str, str]] = {
    "zh": {"part": "受理机构对此问题无职责，不视为按程序{step}",
           "own": "问题未超出本级办理权限，上报不视为交办",
           "self": "问题超出本级办理权限，本级自行承接不视为上报",
           "level": "该层级无可整改此问题的机构，不视为按程序交办",
           "nobody": "交办至问题所在层级而未写明受理机构，不视为按程序交办",
           "place": "按 place_above_rectifiers（holder）不计为交办",
           "shown": "该步骤由记录未显示持有问题的上级作出，表明问题已由本级上报；"
                    "问题未超出本级办理权限，上报不视为交办",
           "assigned": "交办", "reported": "上报"},
    "en": {"part": "the body it went to has no part in this problem: not {step} 按程序",
           "own": "the problem does not exceed the level's authority: a report upward assigns it to nobody",
           "self": "the problem exceeds the level's authority: taking it on itself is no report upward",
           "level": "no body of that level can rectify this problem: no 交办 按程序",
           "nobody": "assigned to the place's level naming no body: no 交办 按程序",
           "place": "not counted as 交办 by place_above_rectifiers (holder)",
           "shown": "made by a level above that the record does not show holding the problem, which shows this level "
                    "reported it up; the problem does not exceed the level's authority: a report upward assigns it to "
                    "nobody",
           "assigned": "assigned", "reported": "reported"},
}


def aside_lines(v: Verdict, ix: list[int], lang: Lang) -> list[str]:
    """The steps set aside behind the findings ``ix`` (the ``aside`` of the facts they fired on: steps a level that
    answers for not passing the problem on made within its limit, which counted as none — irregular_step), each as
    ``explain()`` prints it: its day, what and to whom, and why it counted as none."""
    ctx = v.context
    if not isinstance(ctx, VerdictContext):
        return []
    marks = dict.fromkeys(m for step in v.steps if set(step.findings) & set(ix)
                          for m in str(step.fact.get("aside") or "").split())
    if not marks:
        return []
    policy, handled = ctx.policy, ctx.problem.handled
    words, t = ASIDE_WORDS[lang], TEXT[lang]
    en = lang == "en"
    out = []
    for mark in marks:
        at, why = mark.split(":")
        h = handled[int(at)]
        to = policy.bodies.get(h.to_body) if h.to_body else None
        target = (to.en if en and to.en else to.name) if to is not None else (
            policy.levels[h.to_level].en if en else policy.levels[h.to_level].name)
        action = words[h.action]
        because = words[why].format(step=action)
        out.append(f"   {t['aside']}: {h.on.isoformat()} {action} {target} — {because} (irregular_step)" if en else
                   f"   {t['aside']}：{h.on.isoformat()} {action}{target} — {because}（irregular_step）")
    return out


def labels(policy: Any, lang: Lang, *, ids: bool = True) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """How a reader is shown a basis and a liability: in Chinese the policy's short names (应发现未发现,
    工作人员), which the reader knows from the text, a basis with its id (``ids``) to find it in the
    JSON; in English the ids, as the JSON has them."""
    if lang == "en" or policy is None:
        return str, str
    bases = {k: f"{x.short or x.name}（{k}）" if ids else x.short or x.name
             for k, x in getattr(policy, "failures", {}).items()}
    liabilities = {k: x.short or x.name for k, x in getattr(policy, "liabilities", {}).items()}
    return (lambda b: bases.get(b, b)), (lambda x: liabilities.get(x, x))


def groups(v: Verdict) -> list[tuple[int, list[int]]]:
    """The table's rows: one per body, place and basis, as (row number from 1, finding indices)."""
    rows: dict[tuple[str, str, str], list[int]] = {}
    for i, f in enumerate(v.findings):
        rows.setdefault((f.body, f.place, f.basis), []).append(i)
    return [(n, ix) for n, ix in enumerate(rows.values(), start=1)]


def counts_text(v: Verdict, lang: Lang = "zh") -> str:
    """Rows of the table (one per body and basis), bodies, and findings counting each liability."""
    t = TEXT[lang]
    rows = len(groups(v))
    bodies = len({(f.body, f.place) for f in v.findings})
    if lang == "en":
        return (f"{rows} finding(s) on {bodies} bod{'y' if bodies == 1 else 'ies'} "
                f"({len(v.findings)} {t['by_liability']})")
    return f"{bodies} {t['bodies']} {rows} {t['findings']}（{t['by_liability']} {len(v.findings)} 项）"


def headline(v: Verdict, lang: Lang = "zh") -> str:
    """What the table shows, counted: rows (body and basis), bodies and findings by liability."""
    t = TEXT[lang]
    sep = ": " if lang == "en" else "："
    text = f"{t['problem']} {v.problem}{sep}{counts_text(v, lang)}"
    if changed := what_if_of(v):
        text += f" [{t['what_if']}: " + ", ".join(f"{k}={new!r}" for k, (_, new) in changed.items()) + "]"
    return text


def explain_text(v: Verdict, lang: Lang = "zh") -> str:
    """``Verdict.explain()``: numbered as the table, with reasons, paths, rules, parameters, clauses."""
    t = TEXT[lang]
    en = lang == "en"
    sep = ", " if en else "、"
    head = (f"{t['problem']} {v.problem} ({t['as_of']} {v.as_of}; {t['policy']} {v.policy}; {v.engine} {t['engine']})"
            if en else f"{t['problem']} {v.problem}（{t['as_of']} {v.as_of}；{t['policy']} {v.policy}；"
            f"{t['engine']} {v.engine}）")
    out = [head]
    policy = getattr(v.context, "policy", None)
    if (changed := what_if_of(v)) and en:
        out.append(f"{t['what_if']}: " + sep.join(f"{k} = {new!r} ({t['rules_value']} {old!r})"
                                                   for k, (old, new) in changed.items()))
    elif changed:  # a choice by its Chinese name and the id --set takes (review26 #8)
        out.append(f"{t['what_if']}：" + "；".join(
            f"{k} = {value_zh(policy, k, new, True)}（{t['rules_value']} {value_zh(policy, k, old, True)}）"
            for k, (old, new) in changed.items()))
    if not v.findings:
        out.append("  " + t["none"])
    basis_of, liability_of = labels(policy, lang)
    rules_of: dict[int, list[str]] = {}
    for step in v.steps:
        for i in step.findings:
            rules_of.setdefault(i, []).append(step.rule)
    parameters = getattr(policy, "parameters", {})

    def parameter_name(pid: str) -> str:
        """In Chinese, a parameter's Chinese name beside its id (the id is what ``--set`` takes)."""
        label = getattr(parameters.get(pid), "name", None)
        return f"（{label}）" if not en and label else ""

    for n, ix in groups(v):
        f = v.findings[ix[0]]
        name = f.name_en if en and f.name_en else f.name
        out.append(f"{n}. {name} — {f.place_name} {f.place}".rstrip())
        liabilities = sep.join(dict.fromkeys(liability_of(v.findings[i].liability) for i in ix))
        out.append(f"   {t['basis']}: {basis_of(f.basis)} · {t['liability']}: {liabilities}")
        out.append(f"   {t['why']}: {f.reason_en if en else f.reason}")
        if any(IRREGULAR in v.findings[i].rests_on for i in ix):
            out += aside_lines(v, ix, lang)
        if ix[0] in v.paths:
            path = list(v.paths[ix[0]])
            if en and path:
                path[-1] = name  # the places are proper names; the body's own name is glossed
            out.append(f"   {t['path']}: {' → '.join(path)}")
        for rule in dict.fromkeys(r for i in ix for r in rules_of.get(i, [])):
            out.append(f"   {t['rule']} {rule}")
        for pid in dict.fromkeys(p for i in ix for p in v.findings[i].rests_on):
            if pid in v.parameters:
                mark = f" ({t['what_if']})" if pid in changed else ""
                value = repr(v.parameters[pid]) if en else value_zh(policy, pid, v.parameters[pid], True)
                out.append(f"   {t['parameter']} {pid}{parameter_name(pid)} = {value}{mark}")
        out.append(f"   {t['clauses'].lower() if en else t['clauses']}: {sep.join(f.clauses)}")
    order = {c: i for i, c in enumerate(v.quotes)}
    cited = sorted({c for f in v.findings for c in f.clauses}, key=lambda c: order.get(c, 10**6))
    if cited:
        out.append(f"{t['clauses']}:")
        out += [f"  {c}: {v.quotes.get(c, '')}" for c in cited]
    if v.interpretations:
        out.append(f"{t['interpretations']}:")
        number = {i: n for n, ix in groups(v) for i in ix}
        for it in v.interpretations:
            rows = sorted({number[i] for i in it.findings if i in number})
            on = sep.join(f"#{r}" for r in rows) if rows else t["no_rows"]
            out.append(interpretation_line(it, on, policy, lang))
    return "\n".join(out)


#: An interpretation's kind, as a Chinese reader is told it.
INTERPRETATION_KINDS_ZH = {"parameter": "参数", "duty": "职责的解释", "unresolved": "未确定的主体",
                           "failure": "认定依据", "principle": "原则"}


def interpretation_line(it: Any, on: str, policy: Any, lang: Lang) -> str:
    """One interpretation of ``explain()``: what it is (in Chinese its Chinese name or quote), the value
    it takes (a duty's holders by name; nothing for a failure or an unresolved body, which take none),
    the findings resting on it and why it is a reading.

    The Chinese text gives the value in the reader's words (body names, not ids): the ids stay in the
    JSON, and the line starts with the interpretation's id so that the two can be matched."""
    value = it.value
    if lang == "en":
        shown = "" if value is None else f" = {', '.join(value) if isinstance(value, list) else repr(value)}"
        return f"  {it.id} ({it.type}){shown}: {on} — {it.why}"
    # yes or no, a severity or a choice by its Chinese name and its id; a duty's holders by name (review26 #8)
    shown = "" if value is None else f" = {value_zh(policy, it.id, value, True)}"
    kind = INTERPRETATION_KINDS_ZH.get(it.type, it.type)
    label = f"{kind}「{it.name}」" if it.name and it.name != it.id else kind
    note = chinese_note(it, policy)
    why = f" — 说明：{note}" if note else ""
    return f"  {it.id}（{label}）{shown}：{on}{why}"


def chinese_note(it: Any, policy: Any) -> str:
    """Why an interpretation is a reading, for a Chinese reader: its Chinese note in rules/ (a parameter's
    ``why_zh``, a duty's or term's ``note_zh``), else the policy's phrase ``reading_note`` (which points to the
    English note: ``--lang en``), else the English note."""
    found: Any = None
    for table in ("parameters", "duties", "bodies", "failures"):
        found = getattr(policy, table, {}).get(it.id)
        if found is not None:
            break
    zh = getattr(found, "why_zh", None) or getattr(found, "note_zh", None)
    if zh is None and it.type == "principle":
        data = getattr(policy, "data", None)
        zh = next((p.note_zh for p in data.accountability.principles if p.id == it.id), None) if data else None
    if zh:
        return str(zh)
    data = getattr(policy, "data", None)
    phrase = data.accountability.phrases.get("reading_note") if data is not None else None
    return str(phrase) if phrase and it.why else str(it.why or "")


# ------------------------------------------------------------------------------------- Chinese table

def value_zh(policy: Any, pid: str, value: Any, ids: bool = False) -> str:
    """A parameter's value as a Chinese reader writes it: a choice by its Chinese name with the id ``--set`` takes,
    ``本级及上一级（own_and_level_above）`` (rules/parameters.yaml ``choices_zh``; review26 #8: the id alone was
    shown); a severity by its name (较重), yes or no by 是/否 (rules/vocabulary.yaml; ``--set`` takes both words
    as they are, so ``ids`` adds the id only where the reader is shown ids: ``--explain``); bodies by name; a
    number as it is; never a Python repr."""
    vocabulary = getattr(getattr(policy, "data", None), "vocabulary", None)
    parameter = getattr(policy, "parameters", {}).get(pid)
    kind = getattr(parameter, "type", None)
    if isinstance(value, bool):
        words: dict[str, str] = {t.id: t.name for t in getattr(vocabulary, "answers", [])}
        said = words.get(str(value).lower(), "是" if value else "否")
        return f"{said}（{str(value).lower()}）" if ids else said
    if kind == "severity":
        name = next((t.name for t in getattr(vocabulary, "severities", []) if t.id == value), None)
        return str(value) if name is None else f"{name}（{value}）" if ids else str(name)
    if isinstance(value, list | tuple):
        bodies = getattr(policy, "bodies", {})
        return "、".join(bodies[x].name if x in bodies else str(x) for x in value)
    name = (getattr(parameter, "choices_zh", None) or {}).get(str(value)) if kind == "choice" else None
    return f"{name}（{value}）" if name else str(value)


def reading_zh(policy: Any, it: Any) -> str:
    """One interpretation of the ``who`` table's footer in Chinese: its Chinese name, and a parameter's value."""
    name = it.name or it.id
    return f"{name}={value_zh(policy, it.id, it.value)}" if it.type == "parameter" else name


def headline_zh(v: Verdict) -> str:
    """The table's title in Chinese: its counts, and a what-if's parameters by name and value (N10-4)."""
    policy = getattr(v.context, "policy", None)
    text = f"问题 {v.problem}：{counts_text(v, 'zh')}"
    if changed := what_if_of(v):
        parameters = getattr(policy, "parameters", {})
        text += "［假设参数（不是规则的默认值）：" + "；".join(
            f"{getattr(parameters.get(k), 'name', None) or k}={value_zh(policy, k, new)}"
            for k, (_, new) in changed.items()) + "］"
    return text


def html_view(v: Verdict) -> str:
    """The verdict as Jupyter shows it: the ``who`` command's table in Chinese (one row per body and
    basis, numbered as ``explain()``), the reasons numbered alike, and what it rests on."""
    import html

    policy = getattr(v.context, "policy", None)
    e = html.escape
    title = f"<b>{e(headline_zh(v))}</b>"
    if not v.findings:
        return f"<div>{title} — 无责任认定（截至评估之日未见失责：按时办理、时限未满，或尚未发现）</div>"
    basis_of, liability_of = labels(policy, "zh", ids=False)
    levels = getattr(policy, "levels", {})
    head = "".join(f"<th>{h}</th>" for h in ("#", "主体 / 层级", "地点", "依据", "责任", "条款"))
    rows, reasons = [], []
    for n, ix in groups(v):
        f = v.findings[ix[0]]
        level = levels[f.level].name if f.level in levels else f.level
        cells = (str(n), f"{e(f.name)}<br>{e(level)}", f"{e(f.place_name or '')}<br>{e(f.place)}",
                 e(basis_of(f.basis)),
                 "<br>".join(e(x) for x in dict.fromkeys(liability_of(v.findings[i].liability) for i in ix)),
                 "<br>".join(e(c) for c in f.clauses))
        rows.append("<tr>" + "".join(f'<td style="text-align:left">{c}</td>' for c in cells) + "</tr>")
        reasons.append(f"<li>{e(f.reason)}</li>")
    note = ("<p>依据解释：" + e("；".join(dict.fromkeys(reading_zh(policy, i) for i in v.interpretations))) + "</p>"
            if v.interpretations else "")
    return (f"<div>{title}<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f"<ol>{''.join(reasons)}</ol>{note}<p><small>引擎 {e(v.engine)}；in English: "
            "print(verdict.explain(&quot;en&quot;))</small></p></div>")

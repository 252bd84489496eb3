#!/usr/bin/env python3
"""Deterministic generator of synthetic clinic pages for the claimlint benchmark.

Every page is built from templates with slot-filled vocabulary (clinic names, cities, conditions,
treatments, people, numbers) by a random generator seeded with ``(seed, page index)`` only, so:

* the same ``--seed`` always gives byte-identical files, on any machine and Python ≥ 3.11;
* a corpus of N pages is a prefix of a corpus of M > N pages with the same seed and formats.

Pages mix neutral copy (hours, directions, team bios, process, aftercare), claims a regulator
would act on (guarantees, "no side effects", cures, hedged disease claims, superlatives, "FDA
approved", success rates, named testimonials, before/after alt text, urgency, discounts,
anti-ageing, "do not cause rejection") and traps that must *not* be reported (negated
guarantees, 'terms like "stem cell injection"', FAQ questions, "be wary of any clinic that:"
lists, myth/fact tables, "first consultation", "best to ask your GP").

    python benchmarks/generate.py --pages 1000 --seed 1 --out /tmp/claimlint-bench
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

EXTENSIONS = {"md": ".md", "html": ".html", "txt": ".txt"}
FORMAT_WEIGHTS = {"md": 70, "html": 20, "txt": 10}  # Markdown is the majority
KIND_WEIGHTS = {
    "landing": 26,
    "info": 18,
    "faq": 14,
    "testimonials": 10,
    "pricing": 12,
    "editorial": 12,
    "clean": 8,
}
PAGES_PER_DIR = 100
DEFAULT_WORDS = (500, 600)  # body words aimed at; extracted prose averages about 600 words/page

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

NAME_A = [
    "Summit", "Harbor", "Cedar", "Willow", "Bright", "North", "Silver", "Blue", "Golden", "Oak",
    "Maple", "River", "Stone", "Clear", "Pine", "Lake", "Hill", "Meadow", "Coral", "Aspen",
    "Juniper", "Lantern", "Elm", "Ridge", "Bay", "Granite", "Laurel", "Fern", "Heather", "Orchard",
]
NAME_B = [
    "Ridge", "View", "Point", "Gate", "Field", "Brook", "Crest", "Park", "Vale", "Haven",
    "Springs", "Row", "Square", "Wharf", "Lane", "Court", "Hollow", "Grove", "Bridge", "Mill",
]
NAME_C = [
    "Regenerative Center", "Joint Clinic", "Wellness Institute", "Cell Therapy Clinic",
    "Sports Medicine", "Orthobiologics", "Pain & Spine Clinic", "Longevity Lounge", "IV Lounge",
    "Regenerative Medicine", "Health Rooms", "Aesthetics & Wellness", "Medical Group", "Cell Centre",
    "Vitality Clinic", "Restore Clinic", "Hair Restoration Studio", "Integrative Health",
]
# Clinic-name endings that no rule can object to (used for the "clean" pages).
NAME_C_NEUTRAL = [
    "Joint Clinic", "Sports Medicine", "Health Rooms", "Medical Group", "Physiotherapy", "Family Practice",
]
CITIES = [
    ("Denver", "Colorado", "us"), ("Austin", "Texas", "us"), ("Phoenix", "Arizona", "us"),
    ("Tampa", "Florida", "us"), ("Portland", "Oregon", "us"), ("Nashville", "Tennessee", "us"),
    ("San Diego", "California", "us"), ("Boise", "Idaho", "us"), ("Raleigh", "North Carolina", "us"),
    ("Scottsdale", "Arizona", "us"), ("Salt Lake City", "Utah", "us"), ("Miami", "Florida", "us"),
    ("Leeds", "West Yorkshire", "uk"), ("Bristol", "Somerset", "uk"), ("Manchester", "Greater Manchester", "uk"),
    ("Edinburgh", "Lothian", "uk"), ("Brighton", "East Sussex", "uk"), ("Cardiff", "Glamorgan", "uk"),
    ("Brisbane", "Queensland", "au"), ("Perth", "Western Australia", "au"), ("Adelaide", "South Australia", "au"),
    ("Melbourne", "Victoria", "au"), ("Auckland", "Auckland", "nz"), ("Dublin", "Leinster", "ie"),
    ("Tijuana", "Baja California", "mx"), ("Cancún", "Quintana Roo", "mx"), ("Zürich", "Zürich", "ch"),
    ("Seoul", "Gangnam", "kr"), ("Vancouver", "British Columbia", "ca"), ("Calgary", "Alberta", "ca"),
]
LANDMARKS = [
    "the central station", "the public library", "the farmers' market", "the town hall",
    "the university campus", "the riverside park", "the main post office", "the cathedral",
    "the shopping centre", "the tram terminus", "the old harbour", "the county courthouse",
]
STREETS = [
    "Market Street", "Elm Avenue", "High Street", "Harbour Road", "Station Road", "Oak Lane",
    "Church Street", "Park Avenue", "Mill Road", "Queen Street", "Grove Terrace", "Bridge Street",
    "Canal Walk", "Westgate", "Ferry Lane", "Orchard Way", "Copper Street", "Lakeside Drive",
]
FIRST = [
    "Anna", "Ben", "Clara", "Daniel", "Elena", "Farid", "Grace", "Hugo", "Ines", "James", "Keiko",
    "Liam", "Maya", "Noah", "Olivia", "Priya", "Quinn", "Rosa", "Samuel", "Tara", "Umar", "Vera",
    "Wes", "Ximena", "Yusuf", "Zoe", "Marcus", "Helen", "Tom", "Sofia", "Aiden", "Bea", "Carlos",
    "Dana", "Eli", "Fiona", "Gareth", "Hana", "Isaac", "Jun", "Kate", "Leon", "Mei", "Nadia",
]
LAST = [
    "Alvarez", "Brennan", "Castillo", "Dunmore", "Ellison", "Fairweather", "Garland", "Holloway",
    "Ingram", "Jovanovic", "Kaur", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Pemberton",
    "Quinlan", "Rasmussen", "Sandoval", "Thorne", "Underwood", "Valdez", "Whitaker", "Yardley",
    "Zielinski", "Achebe", "Bertrand", "Calloway", "Delacroix", "Eastwood", "Fontaine", "Gallagher",
]
TREATMENTS = [
    "stem cell therapy", "PRP injections", "exosome therapy", "SVF treatment", "BMAC injections",
    "umbilical cord cell therapy", "IV drip therapy", "NAD+ infusions", "prolotherapy",
    "platelet-rich plasma", "regenerative injections", "MSC therapy", "exosome facials",
    "PRP hair restoration", "cell-based knee treatment", "amniotic injections",
]
JOINT_CONDITIONS = [
    "knee osteoarthritis", "arthritis", "back pain", "rotator cuff tears", "tennis elbow",
    "plantar fasciitis", "hip pain", "degenerative disc disease", "torn meniscus", "sciatica",
    "Achilles tendinopathy", "shoulder pain", "sports injuries", "chronic knee pain",
]
SERIOUS_CONDITIONS = [
    "Parkinson's disease", "multiple sclerosis", "Alzheimer's disease", "COPD", "autism",
    "diabetes", "heart failure", "lupus", "Crohn's disease", "ALS", "stroke recovery",
    "spinal cord injury", "erectile dysfunction", "long COVID", "neuropathy",
]
BODY_PARTS = ["knee", "hip", "shoulder", "elbow", "ankle", "lower back", "wrist", "neck"]
SPECIALTIES = [
    "sports medicine", "musculoskeletal ultrasound", "general practice", "emergency medicine",
    "physical rehabilitation", "anaesthetics", "family medicine", "orthopaedic nursing",
]
HOSPITALS = [
    "St Mary's Hospital", "the Royal Infirmary", "Mercy General", "the university hospital",
    "Riverside Medical Center", "the county hospital", "Queen Elizabeth Hospital", "Lakeview Hospital",
]
HOBBIES = [
    "coaches junior football", "restores old bicycles", "sings in a community choir",
    "grows tomatoes on an allotment", "walks the coastal path with two spaniels",
    "plays cello in an amateur orchestra", "is learning Portuguese", "bakes sourdough bread",
    "volunteers at a food bank", "swims in the lake every morning",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
CURRENCY = {"us": "$", "uk": "£", "au": "A$", "nz": "NZ$", "ie": "€", "mx": "US$", "ch": "CHF ", "kr": "₩", "ca": "C$"}
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "ten", "twelve"]
PRONOUNS = [  # one person's pronouns: subject, capitalised, object
    {"pronoun": "she", "pronoun_cap": "She", "pronoun_obj": "her"},
    {"pronoun": "he", "pronoun_cap": "He", "pronoun_obj": "him"},
]
IMAGE_WORDS = ["reception", "consulting-room", "team", "exterior", "waiting-area", "ultrasound", "lab"]


# --------------------------------------------------------------------------------------------
# Templates. {slot} names are filled by Page.fill(); "^" before a slot capitalises it.
# Inline markup (kept in Markdown, converted in HTML, stripped in text): [label](url),
# **bold**, *italic*, `code`.
# --------------------------------------------------------------------------------------------

NEUTRAL = {
    "directions": [
        "{clinic} is at {address}, {city}, about {minutes_walk} minutes' walk from {landmark}. "
        "There is a pay-and-display car park behind the building and two accessible bays by the entrance.",
        "If you are coming by bus, routes {bus1} and {bus2} stop across the road. Cyclists can lock "
        "their bikes to the rails beside the pharmacy next door.",
        "Our consulting rooms are on the second floor. Take the lift opposite the café and follow the "
        "green signs to reception.",
        "Parking on {street} is limited to two hours. The multi-storey car park on the next corner is "
        "open until midnight and is usually the easiest option.",
        "From {landmark}, walk along {street} for about {minutes_walk} minutes; we are the building with "
        "the blue door, between the bakery and the optician.",
        "The nearest station is a short taxi ride away. Taxis can drop off at the side entrance, which "
        "has a ramp and an automatic door.",
    ],
    "hours": [
        "Our front desk answers the phone from 8:00 until 18:00 on weekdays. Messages left after hours "
        "are returned the next working morning, usually before ten o'clock.",
        "Evening appointments are available on {weekday}s until 20:00 by arrangement.",
        "We close for a week between Christmas and New Year; the answerphone message gives the dates.",
    ],
    "practical": [
        "Please arrive ten minutes before your appointment and bring photo ID, a list of the medicines "
        "you take and any recent scans or letters from your doctor.",
        "The building has step-free access from the street, a lift to every floor, an accessible "
        "toilet on the ground floor and a hearing loop at reception.",
        "We accept payment by card and bank transfer. Most of the procedures described on this site are "
        "not covered by health insurance, so please check with your insurer before you book.",
        "You can change or cancel an appointment online or by phone. We ask for 48 hours' notice so "
        "that we can offer the slot to someone on the waiting list.",
        "Children under sixteen must be accompanied by a parent or guardian at every visit, including "
        "follow-up appointments.",
        "We send appointment reminders by text message two days before your visit. Reply STOP at any "
        "time if you would rather not receive them.",
        "Letters for your family doctor are written on the day of your procedure and sent within a week, "
        "with a copy to you if you ask for one.",
        "Our clinic was refurbished in {year}. The waiting area has daylight, filtered water, phone "
        "chargers and a small shelf of books for children.",
        "Wear loose clothing that you can roll up above the {body_part}, and leave jewellery at home. "
        "There are lockers for coats and bags.",
        "We record every procedure in your notes, including the batch numbers of anything we use, and "
        "you can ask for a copy of your records at any time.",
        "Interpreters can be arranged for most languages. Please let us know when you book so that we "
        "can arrange enough time for the appointment.",
        "Bring a friend or relative if you would like to. There is room for one companion in the "
        "consulting room and a comfortable lounge for anyone else.",
    ],
    "process": [
        "At your first appointment we take a full history, look at any imaging you bring and talk "
        "through the options with you, including the ones we do not offer here.",
        "The procedure itself takes about {minutes} minutes. You stay awake throughout, and a nurse "
        "sits with you from the moment you arrive until you are ready to go home.",
        "We will send you a short questionnaire at six weeks and again at six months, so that we can "
        "record how you are doing and share anonymous figures with the wider team.",
    ],
    "aftercare": [
        "Rest for {rest_days} days afterwards and avoid heavy lifting or long runs for {weeks} weeks. "
        "Most people go back to desk work the following day.",
        "Keep the dressing dry for 24 hours. A small bruise around the injection site is common and "
        "usually settles within a week.",
        "Call us on {phone} if you notice increasing redness, swelling, a fever or discomfort that keeps "
        "getting worse after the first two days.",
    ],
    "team": [
        "{clinic} is a small team of doctors, nurses and administrators. We have worked together in "
        "{city} since {year} and see patients by appointment only.",
    ],
}
TEAM_BIOS = [
    "**Dr {doctor_first} {doctor_last}** joined {clinic} in {year} after {years} years in "
    "{specialty} at {hospital}. Outside the clinic, {pronoun} {hobby}.",
    "**{first} {last}** is our lead nurse and looks after patients on the day of their procedure. "
    "{pronoun_cap} has worked in outpatient care since {year2} and {hobby}.",
    "**{first} {last}** manages the front desk and will help you with forms, appointment times "
    "and parking permits. Ask {pronoun_obj} about the best café on {street}.",
    "**{first} {last}**, our practice manager, keeps the diary running and answers questions about "
    "fees and paperwork. Before joining us {pronoun} worked at {hospital}.",
    "**Dr {first} {last}** works with us two days a week and spends the rest of the week in "
    "{specialty} at {hospital}. {pronoun_cap} {hobby}.",
]
PROCESS_STEPS = [
    "Book an assessment by phone or with the online form.",
    "Fill in the health questionnaire we email to you.",
    "Meet the doctor and talk through your history and goals.",
    "Take time to think it over at home; we never book a procedure on the same day.",
    "Come in for the procedure, which takes about {minutes} minutes.",
    "Rest for a few days and follow the written aftercare sheet.",
    "Return for a review appointment after {weeks} weeks.",
    "Complete the follow-up questionnaire at six months.",
]
AFTERCARE_ITEMS = [
    "Keep the area clean and dry for 24 hours.",
    "Use an ice pack for ten minutes at a time if it feels sore.",
    "Avoid anti-inflammatory tablets for {weeks} weeks unless your doctor says otherwise.",
    "Walk gently every day, but skip the gym for the first week.",
    "Drink plenty of water and keep to your usual diet.",
    "Wear the compression sleeve for the first two days.",
    "Call the clinic if the dressing becomes soaked or the area gets hot and red.",
    "Keep your review appointment even if you feel well.",
]
HOURS = [
    "Monday to Friday: 8:00 to 18:00",
    "Saturday: 9:00 to 13:00",
    "Sunday and public holidays: closed",
]
NEUTRAL_HEADINGS = {
    "directions": ["Finding us", "How to get here", "Getting to the clinic", "Directions and parking"],
    "hours": ["Opening hours", "When we are open", "Clinic hours"],
    "team": ["Meet the team", "Our team", "Who you will see", "The people at {clinic}"],
    "process": ["What happens at your visit", "How it works", "Your appointment, step by step", "The process"],
    "aftercare": ["Aftercare", "After your procedure", "Looking after yourself afterwards", "Recovery at home"],
    "practical": ["Practical information", "Before you come in", "Good to know", "Fees and paperwork"],
}

CLAIMS = {
    "guarantee": [
        "We guarantee results for every patient with {joint_condition}.",
        "Guaranteed relief from {joint_condition} in as little as {weeks} weeks, or your money back.",
        "Our {treatment} {is} guaranteed to work, even when surgery has failed.",
        "Results are guaranteed, so you have nothing to lose.",
        "Every patient enjoys guaranteed results after a single session.",
    ],
    "safety": [
        "^{treatment} {has} no side effects and no downtime.",
        "There are no side effects, because we only use your own cells.",
        "^{treatment} {is} completely safe, with zero risk of complications.",
        "Unlike surgery, {treatment} {is} 100% safe and natural.",
        "A risk-free alternative to joint replacement.",
    ],
    "cure": [
        "^{treatment} cure{s} arthritis without surgery.",
        "Our protocol reverses {joint_condition} and regrows lost cartilage.",
        "^{treatment} heal{s} {joint_condition} from the inside out.",
        "We treat {joint_condition}, {joint_condition2} and {serious_condition}.",
        "Say goodbye to {joint_condition} for good with {treatment}.",
        "^{treatment} repair{s} damaged cartilage and end{s} {joint_condition}.",
    ],
    "hedged": [
        "^{treatment} may help treat Parkinson's disease and multiple sclerosis.",
        "Early patients tell us {treatment} may help with {serious_condition}.",
        "^{treatment} can help relieve {joint_condition} and may slow {serious_condition}.",
        "Stem cells could help repair the damage caused by {serious_condition}.",
    ],
    "superlative": [
        "{clinic} is the best {treatment} clinic in {city}.",
        "The most advanced regenerative treatment available anywhere in {region}.",
        "Dr {doctor_last} is the leading stem cell doctor in {region}.",
        "We are {city}'s number one clinic for {treatment}.",
        "World-class, cutting-edge care from the top regenerative team in the country.",
    ],
    "comparative": [
        "Far more effective than cortisone injections, painkillers or surgery.",
        "Better results than knee replacement, without the months of rehab.",
    ],
    "regulatory": [
        "Our {treatment} {is} FDA approved.",
        "FDA-approved stem cell therapy, performed in our FDA-registered laboratory.",
        "Every product we use is approved by the FDA and the TGA.",
    ],
    "statistic": [
        "A {pct}% success rate across more than {patients} treated patients.",
        "{pct}% of our patients report lasting relief from {joint_condition}.",
        "9 out of 10 patients avoid surgery after {treatment}.",
        "Our outcomes show a {pct}% improvement in mobility within {weeks} weeks.",
    ],
    "evidence": [
        "^{treatment} {is} clinically proven to regenerate damaged tissue.",
        "Our approach is backed by science and scientifically proven to work.",
    ],
    "antiaging": [
        "Turn back the clock with {treatment} and look ten years younger.",
        "Reverse ageing at the cellular level with our anti-ageing drips.",
        "Our longevity protocol slows the ageing process and restores youthful energy.",
    ],
    "immune": [
        "Umbilical cord cells are immune-privileged and do not cause rejection.",
        "Because they are your own cells, they do not cause rejection or allergic reactions.",
        "Donor cells never trigger an immune response, so there is no risk of rejection.",
    ],
    "urgency": [
        "Only {small_n} appointments left this month. Book now!",
        "This offer ends {weekday}, so don't miss out.",
        "Limited-time offer: spaces are filling fast, call today.",
        "Act now: prices go up on the first of {month}.",
    ],
    "discount": [
        "Save {pct_off}% on your first {treatment} session.",
        "{money_off} off every package booked before {month} {day}.",
        "Buy two sessions and get the third one free.",
        "Use the code `{promo}` at checkout for {pct_off}% off.",
        "Free consultation worth {price} when you book this week.",
    ],
    "credential": [
        "Dr {doctor_last} is a world-renowned stem cell expert.",
        "Led by a board-certified regenerative medicine specialist.",
    ],
    "celebrity": [
        "Trusted by NFL players, Olympic athletes and Hollywood actors.",
        "The same treatment pro athletes use to get back on the field.",
    ],
}
TESTIMONIALS = [
    "After two sessions I could walk again without pain. I went hiking the next weekend!",
    "My {body_part} pain is gone. I threw away my painkillers after the first injection.",
    "I was booked for surgery, but after {treatment} I don't need it any more. It changed my life.",
    "I feel ten years younger and my energy is back. I can finally play with my grandchildren again.",
    "Six weeks after my injection I ran my first half marathon. The pain just disappeared.",
    "My doctor said nothing more could be done. Now I'm back on the tennis court three times a week.",
    "I sleep better, I move better and my {body_part} feels like new.",
]
BEFORE_AFTER_ALTS = [
    "Before and after {treatment}: patient's {body_part} at week 0 and week 12",
    "Before and after photos of a {age}-year-old patient treated for {joint_condition}",
    "Patient before and after three sessions of {treatment}",
    "Before-and-after comparison showing thicker hair after PRP",
]
NEUTRAL_ALTS = [
    "The reception desk at {clinic} in {city}",
    "A consulting room with an examination couch and a desk",
    "Dr {doctor_last} talking with a patient",
    "The front of the clinic building on {street}",
    "Map showing the clinic, the car park and the nearest bus stop",
    "The waiting area with chairs, plants and a water dispenser",
]

TRAPS = {
    "negated_guarantee": [
        "We do not guarantee results; outcomes vary from patient to patient.",
        "Results are not guaranteed and differ between people, even with the same condition.",
        "No clinic can guarantee that {treatment} will work for you, and neither can we.",
        "We never promise a cure, and we cannot guarantee any particular outcome.",
    ],
    "mention": [
        'Be careful with terms like "stem cell injection" or "miracle cure" on clinic websites.',
        'Marketing terms such as "FDA approved" and "guaranteed results" deserve a second look.',
        'You may see so-called "anti-ageing drips" advertised online; ask what is actually in the bag.',
        'Phrases like "no side effects" and "cures arthritis" are warning signs, not evidence.',
    ],
    "ask_gp": [
        "If you take blood thinners, it is best to ask your GP before booking.",
        "It's best to check with your GP or specialist before stopping any regular medicine.",
        "For long-standing conditions it is usually best to ask your GP for a referral letter first.",
    ],
    "first_consultation": [
        "Your first consultation lasts about 45 minutes and costs {price}.",
        "At the first consultation we examine the {body_part} and explain every option, including doing nothing.",
        "The first consultation is with a doctor, not a salesperson, and there is no obligation to book.",
    ],
    "attributed": [
        "Some clinics claim that stem cells can cure arthritis; the evidence does not support this.",
        "You may read online that {treatment} reverse{s} ageing. That claim has not been shown in trials.",
    ],
    "not_approved": [
        "^{treatment} {is} not FDA approved for {joint_condition}.",
        "None of the cell products we discuss here are approved by the FDA for treating {serious_condition}.",
    ],
    "honest": [
        "The evidence for {treatment} in {joint_condition} is mixed, and some people notice no change at all.",
        "Common side effects include soreness at the injection site, swelling and bruising for a few days.",
        "Risks include infection, bleeding and a flare of pain that can last a week or two.",
    ],
}
FAQ = [
    ("^{does} {treatment} cure arthritis?",
     "No. There is no cure for osteoarthritis, and {treatment} {is} not a cure. Some people report "
     "less discomfort for a while; others notice no difference."),
    ("^{is} {treatment} guaranteed to work?",
     "No treatment can be guaranteed. We will tell you honestly what the studies show and what the "
     "uncertainties are."),
    ("Are there side effects?",
     "Yes. The most common are soreness, swelling and bruising around the injection site. Rarely, "
     "infection or nerve irritation can occur."),
    ("^{is} {treatment} FDA approved?",
     "^{treatment} {is} not approved by the FDA for {joint_condition}. Ask any clinic which approval, "
     "if any, applies to what they offer."),
    ("Can stem cells treat Parkinson's disease?",
     "Research is at an early stage, and no stem cell product is approved for Parkinson's disease "
     "outside clinical trials."),
    ("How long does the appointment take?",
     "Allow about {minutes} minutes for the procedure and another half hour for paperwork and rest."),
    ("Do I need a referral?",
     "You do not need one, but a letter from your family doctor helps us understand your history."),
    ("Will it hurt?",
     "Most people feel pressure and some aching. We use local anaesthetic, and the discomfort "
     "usually eases within a day or two."),
    ("Is it the best option for me?",
     "That depends on your history and goals. It is often best to ask your GP, who knows your "
     "records, before deciding."),
    ("Can I drive home afterwards?",
     "We recommend that someone else drives you home after a procedure on the leg or hip."),
]
WARY_ITEMS = [
    "guarantees results or offers your money back",
    "says its treatment cures arthritis or Parkinson's disease",
    "claims there are no side effects",
    "calls its cell product FDA approved",
    "pressures you to book on the same day",
    "offers big discounts if you pay for several sessions upfront",
    "shows before-and-after photos instead of published results",
    "quotes a 95% success rate without saying where the number comes from",
]
MYTHS = [
    ("Stem cells cure arthritis.",
     "There is no cure for osteoarthritis. Some injections may ease symptoms for a while."),
    ("Your own cells cannot cause side effects.", "Any injection can cause pain, infection or bleeding."),
    ("PRP is FDA approved for knee pain.",
     "The devices are cleared to prepare PRP; its use for knee pain is not approved."),
    ("Exosomes reverse ageing.", "No study has shown that exosomes reverse ageing in people."),
    ("Results are guaranteed.", "Outcomes vary and no clinic can promise them."),
    ("Donor cells never cause rejection.", "Donor cells can trigger immune reactions."),
]
PRICE_ITEMS = [
    "Initial assessment", "Ultrasound-guided PRP injection", "Review appointment", "Exosome facial",
    "IV vitamin drip", "NAD+ infusion (2 hours)", "Knee injection package (3 sessions)",
    "Hair restoration course (4 sessions)", "Blood tests", "Follow-up telephone call",
]
INTROS = {
    "landing": [
        "Welcome to {clinic}, {city}'s home of {treatment}.",
        "Living with {joint_condition}? {clinic} offers {treatment} in the heart of {city}.",
        "Discover {treatment} at {clinic}, {address}, {city}.",
    ],
    "info": [
        "This page explains what {treatment} involves, what the evidence says and what to expect at {clinic}.",
        "We want you to make an informed decision about {treatment}. Here is what we know and what we do not.",
    ],
    "faq": [
        "Answers to the questions patients ask us most often about {treatment} at {clinic}.",
        "Questions about {treatment}? Start here, then call us on {phone} if yours is not answered.",
    ],
    "testimonials": [
        "Patients of {clinic} share their experience of {treatment}.",
        "Stories from the people we have treated in {city} and beyond.",
    ],
    "pricing": [
        "Our fees for {treatment} and related services at {clinic}, {city}.",
        "Clear prices, no hidden extras. All fees include the review appointment.",
    ],
    "editorial": [
        "How to choose a regenerative medicine clinic in {city}: a practical guide for patients.",
        "A patient's guide to reading clinic websites about {treatment}.",
    ],
    "clean": [
        "Practical information for patients visiting {clinic} in {city}.",
        "Everything you need to know before your appointment at {clinic}.",
    ],
}
TITLES = {
    "landing": ["{treatment_title} in {city} | {clinic}", "{clinic}: {treatment_title} for {joint_condition_title}"],
    "info": ["About {treatment_title}: what to expect", "{treatment_title} explained"],
    "faq": ["{treatment_title}: frequently asked questions", "FAQ | {clinic}"],
    "testimonials": ["Patient stories | {clinic}", "Reviews and results"],
    "pricing": ["Prices and packages | {clinic}", "{treatment_title} prices in {city}"],
    "editorial": ["Choosing a clinic for {treatment_title}", "Reading clinic claims with care"],
    "clean": ["Visiting {clinic}", "Patient information | {clinic}"],
}


# --------------------------------------------------------------------------------------------
# Page model: blocks rendered to Markdown, HTML or text
# --------------------------------------------------------------------------------------------

Block = tuple  # ("h", level, text) | ("p", text) | ("ul"/"ol", items) | ("table", head, rows)
#              | ("img", src, alt) | ("quote", text, cite) | ("code", lang, text) | ("comment", text)

INLINE_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
INLINE_BOLD = re.compile(r"\*\*(.+?)\*\*")
INLINE_EM = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
INLINE_CODE = re.compile(r"`([^`]+)`")
SLOT = re.compile(r"(\^?)\{(\w+)\}")


def plain(text: str) -> str:
    """Inline markup stripped: the words a reader sees."""
    text = INLINE_LINK.sub(r"\1", text)
    text = INLINE_BOLD.sub(r"\1", text)
    text = INLINE_EM.sub(r"\1", text)
    return INLINE_CODE.sub(r"\1", text)


def count_words(text: str) -> int:
    """Whitespace-separated words (the unit of the benchmark's words/s)."""
    return len(text.split())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def title_case(text: str) -> str:
    return " ".join(w if w[:1].isupper() else w[:1].upper() + w[1:] for w in text.split())


@dataclass
class GeneratedPage:
    """One generated file: its relative path, format, kind and text."""

    relpath: str
    fmt: str
    kind: str
    text: str
    words: int


class Page:
    """Builds the blocks of one page from its own random generator."""

    def __init__(self, rng: random.Random, kind: str) -> None:
        self.rng = rng
        self.kind = kind
        city, region, country = rng.choice(CITIES)
        self.country = country
        self.fixed = {
            "clinic": f"{rng.choice(NAME_A)} {rng.choice(NAME_B)} "
            f"{rng.choice(NAME_C_NEUTRAL if kind == 'clean' else NAME_C)}",
            "city": city,
            "region": region,
            "street": (street := rng.choice(STREETS)),
            "address": f"{rng.randint(2, 240)} {street}",
            "landmark": rng.choice(LANDMARKS),
            "phone": f"({rng.randint(200, 989)}) 555-{rng.randint(100, 199):04d}",
            "treatment": rng.choice(TREATMENTS),
            "joint_condition": rng.choice(JOINT_CONDITIONS),
            "doctor_first": rng.choice(FIRST),
            "doctor_last": rng.choice(LAST),
            "year": str(rng.randint(2006, 2021)),
            "bus1": str(rng.randint(1, 99)),
            "bus2": str(rng.randint(100, 199)),
        }
        plural = self.fixed["treatment"].endswith("s")
        # verb agreement with the treatment: "PRP injections are", "exosome therapy is"
        self.fixed.update({
            "is": "are" if plural else "is",
            "has": "have" if plural else "has",
            "does": "do" if plural else "does",
            "s": "" if plural else "s",
        })
        self.fixed["treatment_title"] = title_case(self.fixed["treatment"])
        self.fixed["joint_condition_title"] = title_case(self.fixed["joint_condition"])
        self.blocks: list[Block] = []
        self.words = 0
        self.used_topics: list[str] = []

    # -- slots -------------------------------------------------------------------------------

    def slot(self, name: str) -> str:
        rng = self.rng
        if name in self.fixed:
            return self.fixed[name]
        cur = CURRENCY.get(self.country, "$")
        makers: dict[str, Callable[[], str]] = {
            "joint_condition2": lambda: rng.choice(JOINT_CONDITIONS),
            "serious_condition": lambda: rng.choice(SERIOUS_CONDITIONS),
            "treatment2": lambda: rng.choice(TREATMENTS),
            "first": lambda: rng.choice(FIRST),
            "last": lambda: rng.choice(LAST),
            "initial": lambda: rng.choice(LAST)[0],
            "minutes": lambda: str(rng.choice([20, 30, 40, 45, 60, 90])),
            "minutes_walk": lambda: rng.choice(NUMBER_WORDS),
            "rest_days": lambda: rng.choice(["two", "three", "four"]),
            "weeks": lambda: str(rng.randint(2, 8)),
            "pct": lambda: str(rng.choice([87, 89, 91, 92, 94, 95, 96, 97, 98])),
            "pct_off": lambda: str(rng.choice([10, 15, 20, 25, 30, 40, 50])),
            "money_off": lambda: f"{cur}{rng.choice([100, 150, 200, 250, 300, 500])}",
            "price": lambda: f"{cur}{rng.choice([95, 120, 150, 180, 250, 300, 450])}",
            "patients": lambda: f"{rng.randint(2, 15) * 500:,}",
            "small_n": lambda: rng.choice(["three", "four", "five", "6", "8", "10"]),
            "weekday": lambda: rng.choice(WEEKDAYS),
            "month": lambda: rng.choice(MONTHS),
            "day": lambda: str(rng.randint(1, 28)),
            "age": lambda: str(rng.randint(34, 78)),
            "years": lambda: str(rng.randint(6, 25)),
            "year2": lambda: str(rng.randint(1998, 2019)),
            "specialty": lambda: rng.choice(SPECIALTIES),
            "hospital": lambda: rng.choice(HOSPITALS),
            "hobby": lambda: rng.choice(HOBBIES),
            "body_part": lambda: rng.choice(BODY_PARTS),
            "promo": lambda: rng.choice(["SPRING", "RENEW", "WELCOME", "HEAL", "GLOW"]) + str(rng.choice([10, 15, 20])),
        }
        return makers[name]()

    def fill(self, template: str, extra: dict[str, str] | None = None) -> str:
        def repl(match: re.Match[str]) -> str:
            name = match.group(2)
            value = extra[name] if extra and name in extra else self.slot(name)
            return value[:1].upper() + value[1:] if match.group(1) else value

        return SLOT.sub(repl, template)

    def pick(self, templates: Sequence[str]) -> str:
        return self.fill(self.rng.choice(templates))

    # -- blocks ------------------------------------------------------------------------------

    def add(self, block: Block) -> None:
        self.blocks.append(block)
        self.words += block_words(block)

    def heading(self, text: str, level: int = 2) -> None:
        self.add(("h", level, self.fill(text)))

    def para(self, *sentences: str) -> None:
        self.add(("p", " ".join(sentences)))

    def claim(self, *categories: str) -> str:
        category = self.rng.choice(categories or tuple(CLAIMS))
        return self.pick(CLAIMS[category])

    def trap(self, *kinds: str) -> str:
        kind = self.rng.choice(kinds or tuple(TRAPS))
        return self.pick(TRAPS[kind])

    def neutral(self, topic: str, n: int = 1) -> str:
        pool = NEUTRAL[topic]
        return " ".join(self.fill(t) for t in self.rng.sample(pool, min(n, len(pool))))

    def image(self, alt: str, name: str | None = None) -> None:
        name = name or self.rng.choice(IMAGE_WORDS)
        self.add(("img", f"/images/{slug(self.fixed['clinic'])}-{name}-{self.rng.randint(1, 99)}.jpg", self.fill(alt)))

    # -- sections ----------------------------------------------------------------------------

    def section_neutral(self) -> None:
        rng = self.rng
        topics = ["directions", "hours", "team", "process", "aftercare", "practical"]
        fresh = [t for t in topics if t not in self.used_topics]
        which = rng.choice(fresh or topics)
        self.used_topics.append(which)
        self.heading(rng.choice(NEUTRAL_HEADINGS[which]))
        if which == "hours":
            self.add(("ul", list(HOURS)))
            self.para(self.neutral("hours"))
        elif which == "team":
            if rng.random() < 0.5:
                self.para(self.neutral("team"))
            for template in rng.sample(TEAM_BIOS, rng.randint(2, 3)):
                self.para(self.fill(template, rng.choice(PRONOUNS)))
            if rng.random() < 0.5:
                self.image(rng.choice(NEUTRAL_ALTS), "team")
        elif which == "process":
            self.para(self.neutral("process"))
            steps = PROCESS_STEPS[: rng.randint(5, len(PROCESS_STEPS))]
            self.add(("ol", [self.fill(s) for s in steps]))
        elif which == "aftercare":
            self.para(self.neutral("aftercare", 2))
            self.add(("ul", [self.fill(s) for s in rng.sample(AFTERCARE_ITEMS, rng.randint(3, 5))]))
        elif which == "directions":
            self.para(self.neutral("directions", 2))
            if rng.random() < 0.4:
                self.image("Map showing the clinic, the car park and the nearest bus stop", "map")
        else:
            self.para(self.neutral("practical", 2))
            if rng.random() < 0.5:
                self.para(self.neutral("practical", 1))

    def section_claims(self) -> None:
        rng = self.rng
        self.heading(rng.choice([
            "Why patients choose {clinic}", "Benefits of {treatment_title}", "What {treatment} can do for you",
            "Conditions we treat", "The {clinic} difference", "Results that speak for themselves",
        ]))
        if rng.random() < 0.55:
            items = [self.claim() for _ in range(rng.randint(3, 5))]
            self.para(self.claim("cure", "hedged", "superlative", "safety"))
            self.add(("ul", [i.rstrip(".") for i in items]))
        else:
            self.para(self.claim(), self.claim(), self.neutral(rng.choice(["process", "practical"])))
        if rng.random() < 0.5:
            self.para(self.trap("negated_guarantee", "first_consultation", "ask_gp", "honest"))

    def section_testimonials(self, count: int) -> None:
        rng = self.rng
        self.heading(rng.choice(["What our patients say", "Patient stories", "Real results from real patients"]))
        for _ in range(count):
            quote = self.pick(TESTIMONIALS)
            cite = f"{self.slot('first')} {self.slot('initial')}., {self.slot('age')}, {rng.choice(CITIES)[0]}"
            self.add(("quote", quote, cite))
        if rng.random() < 0.7:
            self.image(rng.choice(BEFORE_AFTER_ALTS), "before-after")

    def section_faq(self, count: int) -> None:
        rng = self.rng
        self.heading(rng.choice(["Frequently asked questions", "Your questions answered", "FAQ"]))
        for question, answer in rng.sample(FAQ, count):
            self.add(("h", 3, self.fill(question)))
            self.para(self.fill(answer))

    def section_wary(self) -> None:
        rng = self.rng
        self.heading(rng.choice(["Red flags", "How to spot a clinic to avoid", "Warning signs"]))
        self.para(rng.choice(["Be wary of any clinic that:"] * 2 + ["Be cautious of any clinic that:"]))
        self.add(("ul", rng.sample(WARY_ITEMS, rng.randint(4, 6))))

    def section_myths(self) -> None:
        rng = self.rng
        self.heading(rng.choice(["Myths and facts", "Myth versus fact", "Common myths"]))
        rows = [list(r) for r in rng.sample(MYTHS, rng.randint(3, 5))]
        self.add(("table", ["Myth", "Fact"], rows))

    def section_pricing(self) -> None:
        rng = self.rng
        cur = CURRENCY.get(self.country, "$")
        self.heading(rng.choice(["Prices", "Our fees", "Packages and prices"]))
        rows = [[item, f"{cur}{rng.randint(3, 60) * 25:,}"] for item in rng.sample(PRICE_ITEMS, rng.randint(4, 7))]
        self.add(("table", ["Service", "Price"], rows))
        self.para(self.trap("first_consultation"), self.claim("discount", "urgency"))
        if rng.random() < 0.5:
            self.para(self.claim("discount"), self.claim("urgency"))

    def section_cta(self) -> None:
        rng = self.rng
        self.heading(rng.choice(["Book today", "Ready to get started?", "Take the first step"]))
        self.para(
            self.claim("urgency", "discount"),
            f"[Book online](/book) or call {self.fixed['phone']}.",
        )

    def section_honest(self) -> None:
        rng = self.rng
        self.heading(rng.choice(["What the evidence says", "Risks and side effects", "What to expect"]))
        self.para(self.trap("honest"), self.trap("negated_guarantee"), self.trap("not_approved", "ask_gp"))
        if rng.random() < 0.5:
            self.para(self.trap("mention", "attributed"))

    def section_code(self) -> None:
        self.add(("code", "html", '<iframe src="https://booking.example.com/widget?clinic='
                  f'{slug(self.fixed["clinic"])}" width="100%" height="600"></iframe>'))


def block_words(block: Block) -> int:
    kind = block[0]
    if kind == "h":
        return count_words(plain(block[2]))
    if kind == "p":
        return count_words(plain(block[1]))
    if kind in ("ul", "ol"):
        return sum(count_words(plain(i)) for i in block[1])
    if kind == "table":
        return sum(count_words(plain(c)) for row in [block[1], *block[2]] for c in row)
    if kind == "img":
        return count_words(block[2])
    if kind == "quote":
        return count_words(plain(block[1])) + count_words(block[2])
    return 0


def build_page(rng: random.Random, kind: str, target_words: int) -> Page:
    """The blocks of one page of a given kind, padded with neutral copy to about target_words."""
    page = Page(rng, kind)
    page.add(("h", 1, page.pick(TITLES[kind]).split(" | ")[0]))
    page.para(page.pick(INTROS[kind]))
    if kind == "landing":
        page.para(page.claim("cure", "superlative", "guarantee", "safety"), page.claim())
        page.image(rng.choice(BEFORE_AFTER_ALTS + NEUTRAL_ALTS), "hero")
        page.section_claims()
        page.section_testimonials(rng.randint(1, 3))
        if rng.random() < 0.5:
            page.section_claims()
        page.section_cta()
    elif kind == "info":
        page.section_neutral()
        page.section_honest()
        page.para(page.claim("hedged", "statistic", "evidence", "immune"))
        if rng.random() < 0.5:
            page.section_wary()
    elif kind == "faq":
        page.section_faq(rng.randint(4, 7))
        page.para(page.claim("hedged", "safety", "regulatory", "immune"))
    elif kind == "testimonials":
        page.section_testimonials(rng.randint(3, 5))
        page.para(page.claim("celebrity", "statistic", "antiaging"))
        page.para(page.trap("negated_guarantee", "honest"))
    elif kind == "pricing":
        page.section_pricing()
        page.para(page.claim("antiaging", "discount", "comparative", "credential"))
        page.para(page.trap("ask_gp", "negated_guarantee"))
    elif kind == "editorial":
        page.section_wary()
        page.section_myths()
        page.para(page.trap("mention"), page.trap("attributed"))
        page.para(page.claim("superlative", "credential", "evidence"))
    # kind == "clean": neutral copy only
    while page.words < target_words:
        if kind != "clean" and rng.random() < 0.25:
            rng.choice([page.section_claims, page.section_honest, page.section_neutral])()
        else:
            page.section_neutral()
    if rng.random() < 0.05:
        page.section_code()
    return page


# --------------------------------------------------------------------------------------------
# Renderers
# --------------------------------------------------------------------------------------------


def _html_inline(text: str) -> str:
    out = html.escape(text, quote=False)
    out = INLINE_LINK.sub(r'<a href="\2">\1</a>', out)
    out = INLINE_BOLD.sub(r"<strong>\1</strong>", out)
    out = INLINE_EM.sub(r"<em>\1</em>", out)
    return INLINE_CODE.sub(r"<code>\1</code>", out)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(page: Page, title: str, description: str, rng: random.Random) -> str:
    lines: list[str] = []
    if rng.random() < 0.8:
        lines += [
            "---",
            f'title: "{title}"',
            f'description: "{description}"',
            f"date: {rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            f"tags: [{slug(page.fixed['treatment'])}, {slug(page.fixed['city'])}]",
            "layout: page",
            "---",
            "",
        ]
    nav_done = False
    for block in page.blocks:
        kind = block[0]
        if kind == "h":
            lines += ["#" * block[1] + " " + block[2], ""]
            if block[1] == 1 and not nav_done:
                nav_done = True
                if rng.random() < 0.6:
                    lines += ["[Home](/) · [Treatments](/treatments) · [Prices](/prices) · [Contact](/contact)", ""]
        elif kind == "p":
            lines += [block[1], ""]
        elif kind in ("ul", "ol"):
            bullet = rng.choice(["-", "*"]) if kind == "ul" else None
            for i, item in enumerate(block[1], 1):
                lines.append(f"{bullet} {item}" if bullet else f"{i}. {item}")
            lines.append("")
        elif kind == "table":
            head, rows = block[1], block[2]
            lines.append("| " + " | ".join(_md_cell(c) for c in head) + " |")
            lines.append("|" + "|".join("---" for _ in head) + "|")
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
            lines.append("")
        elif kind == "img":
            lines += [f"![{block[2]}]({block[1]})", ""]
        elif kind == "quote":
            lines += [f"> “{block[1]}”", ">", f"> — {block[2]}", ""]
        elif kind == "code":
            lines += [f"```{block[1]}", block[2], "```", ""]
    if rng.random() < 0.3:
        lines += [f"<!-- page generated for the claimlint benchmark; layout {rng.randint(1, 9)} -->", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


STYLE = """body { font-family: system-ui, sans-serif; margin: 0; color: #222; }
nav ul { list-style: none; display: flex; gap: 1rem; }
.hero { background: #f3f6f8; padding: 2rem; }
.badge::after { content: "guaranteed results"; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .4rem; }"""
SCRIPT = """window.dataLayer = window.dataLayer || [];
function gtag(){ dataLayer.push(arguments); }
gtag('js', new Date());
var banner = "Cures arthritis! 100% safe, no side effects";
document.addEventListener('DOMContentLoaded', function () { console.log(banner.length); });"""


def render_html(page: Page, title: str, description: str, rng: random.Random) -> str:
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{esc(title, quote=False)}</title>",
        f'<meta name="description" content="{esc(description)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="stylesheet" href="/css/site.css">',
        f"<style>\n{STYLE}\n</style>",
        f"<script>\n{SCRIPT}\n</script>",
        "</head>",
        "<body>",
        '<header><nav><ul><li><a href="/">Home</a></li><li><a href="/treatments">Treatments</a></li>'
        '<li><a href="/prices">Prices</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>',
        "<main>",
    ]
    for block in page.blocks:
        kind = block[0]
        if kind == "h":
            out.append(f"<h{block[1]}>{_html_inline(block[2])}</h{block[1]}>")
        elif kind == "p":
            out.append(f"<p>{_html_inline(block[1])}</p>")
        elif kind in ("ul", "ol"):
            out.append(f"<{kind}>")
            out += [f"  <li>{_html_inline(i)}</li>" for i in block[1]]
            out.append(f"</{kind}>")
        elif kind == "table":
            out.append("<table>")
            out.append("  <thead><tr>" + "".join(f"<th>{_html_inline(c)}</th>" for c in block[1]) + "</tr></thead>")
            out.append("  <tbody>")
            for row in block[2]:
                out.append("    <tr>" + "".join(f"<td>{_html_inline(c)}</td>" for c in row) + "</tr>")
            out.append("  </tbody>")
            out.append("</table>")
        elif kind == "img":
            out.append(f'<figure><img src="{esc(block[1])}" alt="{esc(block[2])}" loading="lazy"></figure>')
        elif kind == "quote":
            cite = esc(block[2], quote=False)
            out.append(f"<blockquote><p>“{_html_inline(block[1])}”</p><cite>{cite}</cite></blockquote>")
        elif kind == "code":
            out.append(f"<pre><code>{esc(block[2], quote=False)}</code></pre>")
    out += [
        "</main>",
        f"<footer><p>© {rng.randint(2019, 2025)} {esc(page.fixed['clinic'], quote=False)} · "
        f"{esc(page.fixed['street'], quote=False)}, {esc(page.fixed['city'], quote=False)}</p></footer>",
        '<script src="/js/booking.js" defer></script>',
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def render_text(page: Page, title: str, description: str, rng: random.Random) -> str:
    lines: list[str] = []
    for block in page.blocks:
        kind = block[0]
        if kind == "h":
            text = plain(block[2])
            lines += [text, ""] if block[1] > 1 else [text, "=" * len(text), ""]
        elif kind == "p":
            lines += [plain(block[1]), ""]
        elif kind in ("ul", "ol"):
            lines += [f"- {plain(i)}" if kind == "ul" else f"{n}. {plain(i)}" for n, i in enumerate(block[1], 1)]
            lines.append("")
        elif kind == "table":
            lines.append("| " + " | ".join(plain(c) for c in block[1]) + " |")
            lines.append("|" + "|".join("---" for _ in block[1]) + "|")
            lines += ["| " + " | ".join(plain(c) for c in row) + " |" for row in block[2]]
            lines.append("")
        elif kind == "img":
            lines += [f"Photo: {block[2]}.", ""]
        elif kind == "quote":
            lines += [f"“{plain(block[1])}” — {block[2]}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


RENDERERS = {"md": render_markdown, "html": render_html, "txt": render_text}


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def _weighted(rng: random.Random, weights: dict[str, int], allowed: Sequence[str] | None = None) -> str:
    names = [n for n in weights if allowed is None or n in allowed]
    return rng.choices(names, weights=[weights[n] for n in names], k=1)[0]


def generate_page(
    seed: int,
    index: int,
    formats: Sequence[str] = ("md", "html", "txt"),
    *,
    kind: str | None = None,
    fmt: str | None = None,
    words: tuple[int, int] = DEFAULT_WORDS,
) -> GeneratedPage:
    """Page ``index`` of the corpus for ``seed`` (depends on nothing else)."""
    rng = random.Random(f"claimlint-benchmark:{seed}:{index}")
    fmt = fmt or _weighted(rng, FORMAT_WEIGHTS, formats)
    kind = kind or _weighted(rng, KIND_WEIGHTS)
    target = rng.randint(*words)
    page = build_page(rng, kind, target)
    title = page.pick(TITLES[kind])
    description = plain(page.pick(INTROS[kind]))
    if kind in ("landing", "pricing") and rng.random() < 0.5:
        description = f"{description} {plain(page.claim())}"
    text = RENDERERS[fmt](page, title, description, rng)
    name = f"{index:05d}-{slug(page.fixed['clinic'])}-{kind}{EXTENSIONS[fmt]}"
    relpath = f"site-{index // PAGES_PER_DIR:03d}/{name}"
    return GeneratedPage(relpath, fmt, kind, text, page.words)


def generate_corpus(
    out: Path, pages: int, seed: int = 1, formats: Sequence[str] = ("md", "html", "txt")
) -> list[Path]:
    """Write ``pages`` files under ``out`` (created); returns their paths in index order."""
    bad = [f for f in formats if f not in EXTENSIONS]
    if bad or not formats:
        raise ValueError(f"unknown format(s) {bad or formats}; choose from {', '.join(EXTENSIONS)}")
    paths = []
    for index in range(pages):
        page = generate_page(seed, index, formats)
        path = out / page.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page.text.encode("utf-8"))
        paths.append(path)
    return paths


def single_page(seed: int, kind: str, fmt: str = "md", words: tuple[int, int] = DEFAULT_WORDS) -> GeneratedPage:
    """One page of a chosen kind and format (e.g. kind='clean' for the cold-start benchmark)."""
    return generate_page(seed, 10**6, (fmt,), kind=kind, fmt=fmt, words=words)


COLD_START_WORDS = (530, 530)  # lands at about 600 words of extracted prose


def cold_start_page(seed: int, with_findings: bool) -> GeneratedPage:
    """The ~600-word Markdown page the cold-start benchmark lints: a clean one, or a landing page."""
    return single_page(seed, "landing" if with_findings else "clean", "md", COLD_START_WORDS)


def parse_formats(value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    formats = ["md" if f in ("markdown",) else "txt" if f in ("text",) else f for f in formats]
    bad = [f for f in formats if f not in EXTENSIONS]
    if bad or not formats:
        raise argparse.ArgumentTypeError(f"unknown format(s) {', '.join(bad) or value!r}; use md,html,txt")
    return list(dict.fromkeys(formats))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="number of pages (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, default=Path("benchmark-corpus"), help="output directory")
    parser.add_argument("--formats", type=parse_formats, default=["md", "html", "txt"],
                        help="comma-separated subset of md,html,txt (default: all; Markdown is the majority)")
    args = parser.parse_args(argv)
    if args.pages < 0:
        parser.error("--pages must be >= 0")
    paths = generate_corpus(args.out, args.pages, args.seed, args.formats)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} pages ({size / 1e6:.1f} MB) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
